# METADATA
# description: |
#   Helpers shared by the core AWS rules: security group ingress rules in one
#   shape whichever of the four ways they are written, the internet test for
#   CIDR blocks, port coverage, numbers that HCL may give as strings, and
#   the account-level singletons (a detector, a recorder) that pass or fail
#   a whole document.
package soc2scan.lib.aws

import data.soc2scan.lib.terraform as tf

# internet_ingress_rules are the security group ingress rules that may
# admit the internet (an internet CIDR, or a CIDR known only after apply):
# the only ones the port rules need to judge. The rules come from inline
# ingress blocks of aws_security_group and aws_default_security_group,
# aws_security_group_rule of type "ingress" (or of a type known only after
# apply) and aws_vpc_security_group_ingress_rule, each in one shape:
#
#   "resource": the resource,
#   "path": the path of the rule's attributes in it ([] for a rule
#     resource, ["ingress", i] for an inline block),
#   "label": a label for messages,
#   "values": the rule's attributes,
#   "protocol", "cidrs": the names of its protocol and CIDR attributes,
#
# and with the facts the port rules read, computed here once per
# evaluation rather than in every rule and every function that needs them:
#
#   "open_cidrs": its internet CIDRs, each with its attribute,
#   "is_ingress": false for a rule resource of a type other than
#     "ingress", or of a type known only after apply,
#   "all_protocols": whether it allows every protocol and so every port,
#     whatever its port range says,
#   "protocol_name": "tcp" or "udp" (protocol_names), or null,
#   "port_range": [from, to] when both are numbers, else [],
#   "unknowns": the attributes of deciding known only after apply.
#
# Most rules admit no internet and have no value known only after apply:
# they cost a look at their CIDRs and at the first key of their unknown
# marks, and nothing else.
internet_ingress_rules := array.concat(
	array.concat(
		[_internet_rule(sg, ["ingress", i], block, "protocol", _classic_cidrs, cidrs, unknowns) |
			some type in ["aws_security_group", "aws_default_security_group"]
			some sg in tf.resources(type)
			some i, block in tf.blocks(sg, "ingress")
			cidrs := _open_cidrs(block, _classic_cidrs)
			unknowns := _unknowns(sg, ["ingress", i], _classic_deciding)
			_admits_internet(cidrs, _classic_cidrs, unknowns)
		],
		[_internet_rule(r, [], r.values, "protocol", _classic_cidrs, cidrs, unknowns) |
			some r in tf.resources("aws_security_group_rule")
			not tf.value(r, "type") == "egress"
			cidrs := _open_cidrs(r.values, _classic_cidrs)
			unknowns := _unknowns(r, [], _classic_deciding)
			_admits_internet(cidrs, _classic_cidrs, unknowns)
		],
	),
	[_internet_rule(r, [], r.values, "ip_protocol", _vpc_cidrs, cidrs, unknowns) |
		some r in tf.resources("aws_vpc_security_group_ingress_rule")
		cidrs := _open_cidrs(r.values, _vpc_cidrs)
		unknowns := _unknowns(r, [], _vpc_deciding)
		_admits_internet(cidrs, _vpc_cidrs, unknowns)
	],
)

_classic_cidrs := ["cidr_blocks", "ipv6_cidr_blocks"]

_vpc_cidrs := ["cidr_ipv4", "cidr_ipv6"]

# The attributes that decide whether a rule is open.
_classic_deciding := ["type", "protocol", "from_port", "to_port", "cidr_blocks", "ipv6_cidr_blocks"]

_vpc_deciding := ["type", "ip_protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6"]

# security_group_types are the resource types internet_ingress_rules reads.
security_group_types := [
	"aws_security_group",
	"aws_default_security_group",
	"aws_security_group_rule",
	"aws_vpc_security_group_ingress_rule",
]

_internet_rule(r, path, values, protocol_attr, cidr_attrs, cidrs, unknowns) := {
	"resource": r,
	"path": path,
	"label": _label(r, path, values),
	"values": values,
	"protocol": protocol_attr,
	"cidrs": cidr_attrs,
	"open_cidrs": cidrs,
	"is_ingress": _is_ingress(r, path, values, unknowns),
	"all_protocols": p in {"-1", "all"},
	"protocol_name": object.get(protocol_names, p, null),
	"port_range": _port_range(values),
	"unknowns": unknowns,
} if {
	p := lower(sprintf("%v", [object.get(values, protocol_attr, null)]))
}

_label(r, [], _) := r.id

_label(sg, ["ingress", i], block) := sprintf("%s ingress[%d] (%q)", [sg.id, i, block.description]) if {
	is_string(block.description)
	block.description != ""
} else := sprintf("%s ingress[%d]", [sg.id, i])

# A rule is ingress when its type is known and absent or "ingress". The
# type cannot be unknown when nothing in the rule is.
_is_ingress(r, path, values, unknowns) if {
	object.get(values, "type", null) in {null, "ingress"}
	_type_known(r, path, unknowns)
} else := false

_type_known(r, path, unknowns) if {
	"type" in unknowns
	tf.is_known(r, array.concat(path, ["type"]))
} else if {
	not "type" in unknowns
}

_port_range(values) := [from, to] if {
	from := number(object.get(values, "from_port", null))
	to := number(object.get(values, "to_port", null))
} else := []

# _open_cidrs lists the internet CIDRs of a rule's attributes, each with
# its attribute.
_open_cidrs(values, cidr_attrs) := [sprintf("%s (%s)", [cidr, name]) |
	some name in cidr_attrs
	some cidr in strings(object.get(values, name, null))
	internet(cidr)
]

# A rule may admit the internet when it has an internet CIDR or a CIDR
# attribute known only after apply.
_admits_internet(cidrs, cidr_attrs, unknowns) if {
	cidrs != []
} else if {
	some name in cidr_attrs
	name in unknowns
}

# _unknowns lists the attributes (names) of the rule at path in r known
# only after apply, or with a value in them that is. There can be none
# unless r has an unknown mark on the path's first key (or on the
# attribute, for a rule resource): most rules fail that lookup at once.
_unknowns(r, path, names) := {name |
	some name in names
	tf.contains_unknown(r, array.concat(path, [name]))
} if {
	path != []
	r.unknown[path[0]]
} else := {name |
	some name in names
	r.unknown[name]
	tf.contains_unknown(r, [name])
} if {
	path == []
} else := set()

# rule_value returns an attribute of a rule of internet_ingress_rules, or
# null.
rule_value(rule, name) := object.get(rule.values, name, null)

# protocol_names maps the protocols that have ports to their names.
protocol_names := {"tcp": "tcp", "6": "tcp", "udp": "udp", "17": "udp"}

# covered returns the ports of a list that a rule of internet_ingress_rules
# includes in its port range, for a rule of one of the given protocols
# ("tcp", "udp").
covered(rule, ports, protocols) := c if {
	rule.protocol_name in protocols
	[from, to] := rule.port_range
	c := _covered(from, to, ports)
} else := []

# A single port, the common case, needs no walk over the list.
_covered(from, to, ports) := [from] if {
	from == to
	from in ports
} else := [] if {
	from == to
} else := [port |
	some port in ports
	from <= port
	port <= to
]

# opens holds when a rule of internet_ingress_rules opens some of the
# ports: port_description is defined for it.
opens(rule, _, _) if rule.all_protocols

opens(rule, ports, protocols) if {
	not rule.all_protocols
	covered(rule, ports, protocols) != []
}

# port_description says what a rule of internet_ingress_rules opens of a
# list of ports: all protocols and ports, one port, or a range with the
# listed ports it includes; it is undefined when the rule opens none of
# them.
port_description(rule, ports, protocols) := sprintf("all protocols and ports (%s = %q)", [rule.protocol, sprintf("%v", [rule_value(rule, rule.protocol)])]) if {
	rule.all_protocols
} else := d if {
	c := covered(rule, ports, protocols)
	c != []
	d := _range_description(rule, c, protocols)
}

_range_description(rule, ports, protocols) := sprintf("port %d%s", [from, _protocol_note(rule, protocols)]) if {
	[from, to] := rule.port_range
	from == to
} else := sprintf("ports %d-%d%s (including %s)", [
	rule.port_range[0],
	rule.port_range[1],
	_protocol_note(rule, protocols),
	_join([sprintf("%d", [p]) | some p in ports]),
])

_join(xs) := concat(" and ", xs) if count(xs) <= 2

_join(xs) := concat(", ", xs) if count(xs) > 2

# Only name the protocol where a rule could be of more than one.
_protocol_note(_, protocols) := "" if count(protocols) == 1

_protocol_note(rule, protocols) := sprintf("/%s", [rule.protocol_name]) if count(protocols) > 1

# internet holds for a CIDR block that covers every address: any prefix of
# length 0 (0.0.0.0/0, ::/0, and written otherwise, 1.0.0.0/0 or "/0").
internet(cidr) if {
	is_string(cidr)
	endswith(trim_space(cidr), "/0")
}

# may_open holds when a rule of internet_ingress_rules opens some of the
# ports, or when the protocol or port range that would say is known only
# after apply.
may_open(rule, ports, protocols) if opens(rule, ports, protocols)

may_open(rule, _, _) if {
	some name in [rule.protocol, "from_port", "to_port"]
	name in rule.unknowns
}

# undecided_rule gives the unknown entries of a rule of
# internet_ingress_rules that is not a finding but may be one once the
# values known after apply are.
undecided_rule(rule, ports, protocols) := {tf.undetermined(rule.resource, array.concat(rule.path, [name])) |
	some name in rule.unknowns
	may_open(rule, ports, protocols)
}

# unmanaged_inline holds for a security group whose inline ingress list is
# known only after apply and that no separate rule resource manages (the
# provider then computes the list from those, which are checked themselves).
unmanaged_inline(sg) if {
	tf.is_unknown(sg, "ingress")
	not tf.has_related(sg, "aws_security_group_rule", "security_group_id")
	not tf.has_related(sg, "aws_vpc_security_group_ingress_rule", "security_group_id")
}

# unmanaged_inline_groups are the security groups (of both types) for which
# unmanaged_inline holds. An unknown mark on "ingress" is rare: the lookup
# fails at once for most groups.
unmanaged_inline_groups := [sg |
	some type in ["aws_security_group", "aws_default_security_group"]
	some sg in tf.resources(type)
	sg.unknown.ingress == true
	unmanaged_inline(sg)
]

# strings returns a string or a list as a list of strings.
strings(v) := [v] if {
	is_string(v)
} else := [e | some e in v; is_string(e)] if {
	is_array(v)
} else := []

# number returns a number written as a number or, in HCL without provider
# schemas, as a string of digits; undefined otherwise.
number(v) := v if {
	is_number(v)
} else := to_number(trim_space(v)) if {
	is_string(v)
	regex.match(`^\s*-?[0-9]+(\.[0-9]+)?\s*$`, v)
}

# bool returns a boolean written as a boolean or as the string "true" or
# "false"; undefined otherwise.
bool(v) := v if is_boolean(v)

bool(v) := lower(trim_space(v)) == "true" if {
	is_string(v)
	lower(trim_space(v)) in {"true", "false"}
}

# is_true holds when the value at path is true, written as a boolean or as
# a string.
is_true(r, path) if bool(tf.value(r, path)) == true

# is_false holds when the value at path is false, written as a boolean or
# as a string.
is_false(r, path) if bool(tf.value(r, path)) == false

# configured holds when an attribute has a value, or is computed from an
# expression of the configuration that refers to other resources. An
# attribute known only after apply without such references is the
# provider's own computed value: plans show the deprecated inline blocks of
# aws_s3_bucket (acl, grant, logging, policy ...) so when the configuration
# leaves them out.
configured(r, attr) if tf.value(r, attr) != null

configured(r, attr) if {
	some path, _ in r.refs
	path == attr
}

configured(r, attr) if {
	some path, _ in r.refs
	startswith(path, concat("", [attr, "."]))
}
