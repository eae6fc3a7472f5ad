# METADATA
# description: |
#   Helpers shared by the core AWS rules: security group ingress rules in one
#   shape whichever of the four ways they are written, the internet test for
#   CIDR blocks, port coverage, numbers that HCL may give as strings, and
#   the account-level singletons (a detector, a recorder) that pass or fail
#   a whole document.
package soc2scan.lib.aws

import data.soc2scan.lib.terraform as tf

# ingress_rules normalises the ways to write a security group ingress rule:
# inline ingress blocks of aws_security_group and aws_default_security_group,
# aws_security_group_rule of type "ingress" (or of a type known only after
# apply) and aws_vpc_security_group_ingress_rule. Each is the resource, the
# path of the rule's attributes in it ([] for a rule resource, ["ingress",
# i] for an inline block), a label for messages, the rule's attributes, and
# the names of its protocol and CIDR attributes.
ingress_rules := array.concat(
	array.concat(
		[{
			"resource": sg,
			"path": ["ingress", i],
			"label": _inline_label(sg, i, block),
			"values": block,
			"protocol": "protocol",
			"cidrs": ["cidr_blocks", "ipv6_cidr_blocks"],
		} |
			some type in ["aws_security_group", "aws_default_security_group"]
			some sg in tf.resources(type)
			some i, block in tf.blocks(sg, "ingress")
		],
		[{
			"resource": r,
			"path": [],
			"label": r.id,
			"values": r.values,
			"protocol": "protocol",
			"cidrs": ["cidr_blocks", "ipv6_cidr_blocks"],
		} |
			some r in tf.resources("aws_security_group_rule")
			not tf.value(r, "type") == "egress"
		],
	),
	[{
		"resource": r,
		"path": [],
		"label": r.id,
		"values": r.values,
		"protocol": "ip_protocol",
		"cidrs": ["cidr_ipv4", "cidr_ipv6"],
	} |
		some r in tf.resources("aws_vpc_security_group_ingress_rule")
	],
)

# security_group_types are the resource types ingress_rules reads.
security_group_types := [
	"aws_security_group",
	"aws_default_security_group",
	"aws_security_group_rule",
	"aws_vpc_security_group_ingress_rule",
]

_inline_label(sg, i, block) := sprintf("%s ingress[%d] (%q)", [sg.id, i, block.description]) if {
	is_string(block.description)
	block.description != ""
} else := sprintf("%s ingress[%d]", [sg.id, i])

# rule_value returns an attribute of a normalised rule, or null.
rule_value(rule, name) := object.get(rule.values, name, null)

# rule_unknown holds when an attribute of a normalised rule, or a value in
# it, is known only after apply.
rule_unknown(rule, name) if tf.contains_unknown(rule.resource, array.concat(rule.path, [name]))

# is_ingress holds for inline blocks and for rule resources of known type
# "ingress" (aws_vpc_security_group_ingress_rule has no type).
is_ingress(rule) if {
	tf.is_known(rule.resource, array.concat(rule.path, ["type"]))
	rule_value(rule, "type") in {null, "ingress"}
}

# protocol returns a rule's protocol in lower case as a string: -1 written
# as a number reads "-1".
protocol(rule) := lower(sprintf("%v", [rule_value(rule, rule.protocol)]))

# all_protocols holds for a rule that allows every protocol and so every
# port, whatever its port range says.
all_protocols(rule) if protocol(rule) in {"-1", "all"}

# protocol_names maps the protocols that have ports to their names.
protocol_names := {"tcp": "tcp", "6": "tcp", "udp": "udp", "17": "udp"}

# covered returns the ports of a list that a rule's port range includes, for
# a rule of one of the given protocols ("tcp", "udp").
covered(rule, ports, protocols) := [port |
	protocol_names[protocol(rule)] in protocols
	from := number(rule_value(rule, "from_port"))
	to := number(rule_value(rule, "to_port"))
	some port in ports
	from <= port
	port <= to
]

# port_description says what a rule opens of a list of ports: all protocols
# and ports, one port, or a range with the listed ports it includes; it is
# undefined when the rule opens none of them.
port_description(rule, ports, protocols) := sprintf("all protocols and ports (%s = %q)", [rule.protocol, sprintf("%v", [rule_value(rule, rule.protocol)])]) if {
	all_protocols(rule)
} else := sprintf("port %d%s", [number(rule_value(rule, "from_port")), _protocol_note(rule, protocols)]) if {
	count(covered(rule, ports, protocols)) > 0
	number(rule_value(rule, "from_port")) == number(rule_value(rule, "to_port"))
} else := sprintf("ports %d-%d%s (including %s)", [
	number(rule_value(rule, "from_port")),
	number(rule_value(rule, "to_port")),
	_protocol_note(rule, protocols),
	_join([sprintf("%d", [p]) | some p in covered(rule, ports, protocols)]),
]) if {
	count(covered(rule, ports, protocols)) > 0
}

_join(xs) := concat(" and ", xs) if count(xs) <= 2

_join(xs) := concat(", ", xs) if count(xs) > 2

# Only name the protocol where a rule could be of more than one.
_protocol_note(_, protocols) := "" if count(protocols) == 1

_protocol_note(rule, protocols) := sprintf("/%s", [protocol_names[protocol(rule)]]) if count(protocols) > 1

# internet holds for a CIDR block that covers every address: any prefix of
# length 0 (0.0.0.0/0, ::/0, and written otherwise, 1.0.0.0/0 or "/0").
internet(cidr) if {
	is_string(cidr)
	endswith(trim_space(cidr), "/0")
}

# open_cidrs lists the internet CIDRs of a rule, each with its attribute.
open_cidrs(rule) := [sprintf("%s (%s)", [cidr, name]) |
	some name in rule.cidrs
	some cidr in strings(rule_value(rule, name))
	internet(cidr)
]

# may_come_from_internet holds when a rule has an internet CIDR or a CIDR
# attribute known only after apply.
may_come_from_internet(rule) if count(open_cidrs(rule)) > 0

may_come_from_internet(rule) if {
	some name in rule.cidrs
	rule_unknown(rule, name)
}

# may_open holds when a rule opens some of the ports, or when the protocol
# or port range that would say is known only after apply.
may_open(rule, _, _) if all_protocols(rule)

may_open(rule, ports, protocols) if count(covered(rule, ports, protocols)) > 0

may_open(rule, _, _) if {
	some name in [rule.protocol, "from_port", "to_port"]
	rule_unknown(rule, name)
}

# deciding lists the attributes that decide whether a rule is open.
deciding(rule) := array.concat(["type", rule.protocol, "from_port", "to_port"], rule.cidrs)

# undecided_rule gives the unknown entries of a rule that is not a finding
# but may be one once the values known after apply are.
undecided_rule(rule, ports, protocols) := {tf.undetermined(rule.resource, array.concat(rule.path, [name])) |
	may_open(rule, ports, protocols)
	may_come_from_internet(rule)
	some name in deciding(rule)
	rule_unknown(rule, name)
}

# unmanaged_inline holds for a security group whose inline ingress list is
# known only after apply and that no separate rule resource manages (the
# provider then computes the list from those, which are checked themselves).
unmanaged_inline(sg) if {
	tf.is_unknown(sg, "ingress")
	not tf.has_related(sg, "aws_security_group_rule", "security_group_id")
	not tf.has_related(sg, "aws_vpc_security_group_ingress_rule", "security_group_id")
}

# internet_ingress_rules are the rules of ingress_rules that may admit the
# internet (an internet CIDR, or a CIDR known only after apply): the only
# ones the port rules need to judge. Computed once per evaluation, it
# spares every port rule the walk over every security group rule.
internet_ingress_rules := [rule | some rule in ingress_rules; may_come_from_internet(rule)]

# strings returns a string or a list as a list of strings.
strings(v) := [v] if is_string(v)

strings(v) := [e | some e in v; is_string(e)] if is_array(v)

strings(v) := [] if {
	not is_string(v)
	not is_array(v)
}

# number returns a number written as a number or, in HCL without provider
# schemas, as a string of digits; undefined otherwise.
number(v) := v if is_number(v)

number(v) := to_number(trim_space(v)) if {
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
