# METADATA
# description: |
#   IAM and resource policies as rules read them. A policy comes as a JSON
#   string (aws_iam_policy.policy, aws_s3_bucket_policy.policy ...) or, where
#   that string is known only after apply, from the aws_iam_policy_document
#   data source it refers to. Both become the same list of statements in the
#   IAM JSON grammar's names, every field array-valued, so that no rule
#   handles the string-or-array forms of the grammar:
#
#     {"Sid": "", "Effect": "Allow" | "Deny" | "" (unknown),
#      "Action": [...], "NotAction": [...], "Resource": [...], "NotResource": [...],
#      "Principal": {type: [identifiers]}, "NotPrincipal": {type: [identifiers]},
#      "Condition": [{"test": operator, "variable": key, "values": [strings]}],
#      "Unknown": {names of the fields above known only after apply}}
#
#   Principal "*" becomes {"*": ["*"]}, as the data source writes it.
package soc2scan.lib.aws_iam

import data.soc2scan.lib.terraform as tf

# read returns the policy document in attribute attr of r (e.g. "policy"):
# {"statements": [...], "source": where it was read} when it can be read, or
# {"unreadable": why} when it cannot: known only after apply and not taken
# from one aws_iam_policy_document, or not valid JSON. An absent policy reads
# as no statements.
read(r, attr) := {"statements": statements(v), "source": _name(r, attr)} if {
	v := tf.value(r, attr)
	_parsable(v)
} else := {"unreadable": sprintf("%s is not valid JSON", [_name(r, attr)])} if {
	is_string(tf.value(r, attr))
} else := {"statements": [], "source": _name(r, attr)} if {
	tf.is_known(r, attr)
} else := document(d) if {
	[d] := _documents(r, attr)
} else := {"unreadable": sprintf("%s refers to more than one aws_iam_policy_document", [_name(r, attr)])} if {
	count(_documents(r, attr)) > 1
} else := {"unreadable": sprintf("%s is known only after apply", [_name(r, attr)])}

# document returns the policy of an aws_iam_policy_document data source, in
# the shape read returns: from its rendered json where that is known, else
# from its statement blocks together with the source and override documents
# it merges.
document(d) := {"statements": statements(d.values.json), "source": d.id} if {
	_parsable(object.get(d.values, "json", null))
} else := {"unreadable": sprintf("%s.statement is known only after apply", [d.id])} if {
	tf.is_unknown(d, "statement")
} else := {"unreadable": sprintf("%s.%s is known only after apply", [d.id, attr])} if {
	some attr in _merged
	tf.contains_unknown(d, attr)
} else := {"statements": array.concat(_block_statements(d), _merged_statements(d)), "source": d.id}

# statements returns the statements of a policy given as a JSON string or as
# a decoded object.
statements(policy) := [_statement(s) | some s in _list(object.get(_decode(policy), "Statement", []))]

# everyone holds when a statement's Principal is every principal: "*",
# {"AWS": "*"} or a list holding "*".
everyone(s) if {
	some type in ["*", "AWS"]
	"*" in object.get(s.Principal, type, [])
}

# strings returns a JSON policy value that may be a string or a list of
# strings as a list of strings; anything else is an empty list.
strings(x) := [x] if is_string(x)

strings(x) := [e | some e in x; is_string(e)] if is_array(x)

strings(x) := [] if {
	not is_string(x)
	not is_array(x)
}

_name(r, attr) := sprintf("%s.%s", [r.id, attr])

_parsable(v) if is_object(v)

_parsable(v) if {
	is_string(v)
	json.is_valid(v)
}

_decode(p) := d if {
	is_string(p)
	d := json.unmarshal(p)
	is_object(d)
} else := p if {
	is_object(p)
} else := {}

_list(x) := x if is_array(x)

_list(x) := [x] if is_object(x)

_list(x) := [] if {
	not is_array(x)
	not is_object(x)
}

_documents(r, attr) := [d |
	some d in tf.refers_to(r, attr)
	d.mode == "data"
	d.type == "aws_iam_policy_document"
]

_statement(s) := {
	"Sid": _sid(object.get(s, "Sid", "")),
	"Effect": _effect(object.get(s, "Effect", "")),
	"Action": strings(object.get(s, "Action", [])),
	"NotAction": strings(object.get(s, "NotAction", [])),
	"Resource": strings(object.get(s, "Resource", [])),
	"NotResource": strings(object.get(s, "NotResource", [])),
	"Principal": _principal(object.get(s, "Principal", {})),
	"NotPrincipal": _principal(object.get(s, "NotPrincipal", {})),
	"Condition": [{"test": test, "variable": key, "values": _values(v)} |
		some test, keys in _object(object.get(s, "Condition", {}))
		some key, v in _object(keys)
	],
	"Unknown": set(),
}

_sid(x) := x if is_string(x)

_sid(x) := "" if not is_string(x)

_effect(x) := x if is_string(x)

_effect(x) := "" if not is_string(x)

_object(x) := x if is_object(x)

_object(x) := {} if not is_object(x)

_principal(p) := {"*": ["*"]} if p == "*"

_principal(p) := {type: strings(ids) | some type, ids in p} if is_object(p)

_principal(p) := {} if {
	p != "*"
	not is_object(p)
}

# _values turns condition values (string, boolean, number, or a list of
# them) into strings: {"Bool": {"aws:SecureTransport": false}} and "false"
# read the same.
_values(v) := [_string(e) | some e in v] if is_array(v)

_values(v) := [_string(v)] if not is_array(v)

_string(x) := x if is_string(x)

_string(x) := sprintf("%v", [x]) if not is_string(x)

# The data source's statement attributes and the JSON fields they render.
_fields := {
	"sid": "Sid",
	"effect": "Effect",
	"actions": "Action",
	"not_actions": "NotAction",
	"resources": "Resource",
	"not_resources": "NotResource",
	"principals": "Principal",
	"not_principals": "NotPrincipal",
	"condition": "Condition",
}

# Attributes of the data source whose documents are merged into its own.
_merged := ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]

_block_statements(d) := [_block_statement(d, i, s) | some i, s in tf.blocks(d, "statement")]

_block_statement(d, i, s) := {
	"Sid": _sid(object.get(s, "sid", "")),
	"Effect": _block_effect(d, i, object.get(s, "effect", null)),
	"Action": strings(object.get(s, "actions", [])),
	"NotAction": strings(object.get(s, "not_actions", [])),
	"Resource": strings(object.get(s, "resources", [])),
	"NotResource": strings(object.get(s, "not_resources", [])),
	"Principal": _block_principals(object.get(s, "principals", [])),
	"NotPrincipal": _block_principals(object.get(s, "not_principals", [])),
	"Condition": [{"test": c.test, "variable": c.variable, "values": _values(object.get(c, "values", []))} |
		some c in _list(object.get(s, "condition", []))
	],
	"Unknown": {field | some attr, field in _fields; tf.contains_unknown(d, ["statement", i, attr])},
}

# The data source's effect defaults to Allow; an unknown effect is "".
_block_effect(d, i, _) := "" if tf.is_unknown(d, ["statement", i, "effect"])

_block_effect(d, i, e) := e if {
	tf.is_known(d, ["statement", i, "effect"])
	is_string(e)
	e != ""
}

_block_effect(d, i, e) := "Allow" if {
	tf.is_known(d, ["statement", i, "effect"])
	e in {null, ""}
}

_block_principals(blocks) := {type: ids |
	some b in _list(blocks)
	type := b.type
	ids := [id | some x in _list(blocks); x.type == type; some id in strings(object.get(x, "identifiers", []))]
}

_merged_statements(d) := [s |
	some attr in _merged
	some doc in _documents_in(object.get(d.values, attr, null))
	some s in statements(doc)
]

_documents_in(v) := [e | some e in strings(v); json.is_valid(e)]

# allows holds when a statement is an Allow whose Action covers action (an
# "service:Name" string), wildcards in the statement's patterns included.
allows(s, action) if {
	s.Effect == "Allow"
	some pattern in s.Action
	action_matches(pattern, action)
}

# action_matches holds when an IAM action pattern (with * and ? wildcards,
# case-insensitive) covers action.
action_matches(pattern, action) if {
	p := replace(replace(lower(pattern), "*", ".*"), "?", ".")
	regex.match(concat("", ["^", p, "$"]), lower(action))
}

# restricting_keys are the condition keys that narrow who may use a
# statement's permission: the calling organisation, account, network or
# identity, or the external id of a third party.
restricting_keys := {
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths",
	"aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "aws:userid", "aws:username",
	"sts:externalid", "kms:calleraccount",
}

# restricted holds when a statement has a condition that matches one of the
# restricting keys against values (not a negated operator such as
# StringNotEquals, which leaves everyone else in; not a /0 source IP range).
restricted(s) if {
	some c in s.Condition
	lower(c.variable) in restricting_keys
	not contains(lower(c.test), "not")
	not _everywhere(c)
}

_everywhere(c) if {
	lower(c.variable) == "aws:sourceip"
	some v in c.values
	endswith(v, "/0")
}

# public holds for an Allow statement to every principal that no condition
# narrows to an organisation, account, network or identity.
public(s) if {
	s.Effect == "Allow"
	everyone(s)
	not restricted(s)
}

# pending gives why a read policy cannot be judged fully: it is unreadable,
# or some statement has values known only after apply.
pending(doc) := {doc.unreadable}

pending(doc) := {sprintf("a statement of %s has values known only after apply", [doc.source]) |
	some s in doc.statements
	count(s.Unknown) > 0
} if not doc.unreadable
