# METADATA
# description: |
#   Helpers for rules over google_* Terraform resources: nested blocks that
#   HCL may also write as an object, IAM grants of the three IAM resource
#   forms (binding, member, policy), public principals, GCE metadata flags,
#   Cloud SQL database flags and firewall port ranges.
package soc2scan.lib.gcp

import data.soc2scan.lib.terraform as tf

# blocks returns the nested blocks at path as a list of objects. Besides the
# plan shape (a list of objects) it accepts one object, which HCL gives for
# the attribute syntax `versioning = { enabled = true }`.
blocks(r, path) := b if {
	b := tf.value(r, path)
	is_array(b)
} else := [b] if {
	b := tf.value(r, path)
	is_object(b)
} else := []

# block_list is blocks for a value already read (a block inside a block).
block_list(v) := v if is_array(v)

block_list(v) := [v] if is_object(v)

block_list(v) := [] if {
	not is_array(v)
	not is_object(v)
}

# public_members are the IAM principals that mean "anyone": allUsers is
# anonymous access, allAuthenticatedUsers any Google account.
public_members := {"allUsers", "allAuthenticatedUsers"}

# grants returns the IAM grants of a google_*_iam_binding, _iam_member or
# _iam_policy resource whose values are known, as {"role", "member"}
# objects. A policy is read from policy_data (JSON) or, where that is known
# only after apply, from the google_iam_policy data source it refers to.
grants(r) := [g |
	some [role, members] in _role_members(r)
	is_string(role)
	some m in members
	is_string(m)
	g := {"role": role, "member": m}
]

# undetermined_grants returns why some grants of r cannot be read: a role,
# a member or the policy known only after apply.
undetermined_grants(r) := ({reason |
	some reason in _policy_unreadable(r)
} | {sprintf("%s.%s is known only after apply", [r.id, attr]) |
	_kind(r) in {"binding", "member"}
	some attr in ["role", "member", "members"]
	tf.contains_unknown(r, attr)
}) | {sprintf("a binding of %s is known only after apply", [d.id]) |
	not _policy_json(r)
	some d in _policy_documents(r)
	tf.contains_unknown(d, "binding")
}

_kind(r) := "binding" if endswith(r.type, "_iam_binding")

_kind(r) := "member" if endswith(r.type, "_iam_member")

_kind(r) := "policy" if endswith(r.type, "_iam_policy")

# A binding has members; a member has member (members is accepted too, as
# some configurations write it).
_role_members(r) := [[tf.value(r, "role"), _strings(tf.value(r, "members"))], [tf.value(r, "role"), _strings(tf.value(r, "member"))]] if {
	_kind(r) in {"binding", "member"}
}

_role_members(r) := [[b.role, _strings(object.get(b, "members", []))] |
	some b in _policy_bindings(r)
] if _kind(r) == "policy"

_policy_json(r) := p if {
	v := tf.value(r, "policy_data")
	is_string(v)
	json.is_valid(v)
	p := json.unmarshal(v)
}

_policy_bindings(r) := bs if {
	p := _policy_json(r)
	bs := [b | some b in object.get(p, "bindings", []); is_object(b)]
} else := [b |
	some d in _policy_documents(r)
	some b in tf.blocks(d, "binding")
]

_policy_documents(r) := [d |
	some d in tf.refers_to(r, "policy_data")
	d.type == "google_iam_policy"
]

_policy_unreadable(r) := {sprintf("%s.policy_data is not valid JSON", [r.id])} if {
	_kind(r) == "policy"
	v := tf.value(r, "policy_data")
	is_string(v)
	not json.is_valid(v)
} else := {sprintf("%s.policy_data is known only after apply", [r.id])} if {
	_kind(r) == "policy"
	tf.is_unknown(r, "policy_data")
	count(_policy_documents(r)) == 0
} else := set()

_strings(v) := [v] if is_string(v)

_strings(v) := [e | some e in v; is_string(e)] if is_array(v)

_strings(v) := [] if {
	not is_string(v)
	not is_array(v)
}

# public_grants returns the grants of r to allUsers or allAuthenticatedUsers.
public_grants(r) := [g | some g in grants(r); g.member in public_members]

# describe_grants renders grants for a message: "roles/x to allUsers, ...".
describe_grants(gs) := concat(", ", sort({sprintf("%s to %s", [g.role, g.member]) | some g in gs}))

# metadata_value returns the value of a GCE metadata key of an instance,
# template or project metadata resource, or null when it is not set.
metadata_value(r, key) := object.get(object.get(r.values, "metadata", {}), key, null)

# metadata_true holds for the metadata values GCE reads as true.
metadata_true(v) if v == true

metadata_true(v) if {
	is_string(v)
	lower(v) in {"true", "1", "yes", "y", "on"}
}

# metadata_false holds for the metadata values GCE reads as false.
metadata_false(v) if v == false

metadata_false(v) if {
	is_string(v)
	lower(v) in {"false", "0", "no", "n", "off"}
}

# sql_settings returns the settings block of a google_sql_database_instance
# ({} when absent).
sql_settings(r) := s if {
	some s in blocks(r, "settings")
} else := {}

# sql_ip_configuration returns the settings.ip_configuration block ({}
# when absent).
sql_ip_configuration(r) := c if {
	some c in block_list(object.get(sql_settings(r), "ip_configuration", []))
} else := {}

# database_flags returns the database flags of a Cloud SQL instance (a list
# of name/value blocks) or an AlloyDB instance (a map) as a map of name to
# value.
database_flags(r) := {f.name: object.get(f, "value", null) |
	some f in block_list(object.get(sql_settings(r), "database_flags", []))
	is_string(f.name)
} if r.type == "google_sql_database_instance"

database_flags(r) := object.get(r.values, "database_flags", {}) if r.type == "google_alloydb_instance"

# port_range parses a firewall port spec ("22" or "1000-2000", or a number)
# into [from, to].
port_range(p) := [p, p] if is_number(p)

port_range(p) := [n, n] if {
	is_string(p)
	regex.match(`^\s*[0-9]+\s*$`, p)
	n := to_number(trim_space(p))
}

port_range(p) := [to_number(trim_space(parts[0])), to_number(trim_space(parts[1]))] if {
	is_string(p)
	regex.match(`^\s*[0-9]+\s*-\s*[0-9]+\s*$`, p)
	parts := split(p, "-")
}

# world_cidrs are the source ranges that mean the whole internet.
world_cidrs := {"0.0.0.0/0", "::/0", "0.0.0.0", "::", "*"}

# duration_seconds parses a Google duration ("7776000s", "2592000.5s") into
# seconds.
duration_seconds(d) := to_number(trim_suffix(trim_space(d), "s")) if {
	is_string(d)
	regex.match(`^\s*[0-9]+(\.[0-9]+)?s\s*$`, d)
}

# instance_types are the resource types that define GCE instances.
instance_types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

# instances returns the GCE instances and instance templates.
instances := [r | some type in instance_types; some r in tf.resources(type)]

# metadata_unknown holds when metadata key of r, or the whole metadata map,
# is known only after apply.
metadata_unknown(r, key) if tf.is_unknown(r, ["metadata", key])

# resource_iam_types are the IAM resources that grant roles on a project,
# folder or organisation.
resource_iam_types := [
	"google_project_iam_binding", "google_project_iam_member", "google_project_iam_policy",
	"google_folder_iam_binding", "google_folder_iam_member", "google_folder_iam_policy",
	"google_organization_iam_binding", "google_organization_iam_member", "google_organization_iam_policy",
]

# resource_iam returns the IAM resources of resource_iam_types.
resource_iam := [r | some type in resource_iam_types; some r in tf.resources(type)]
