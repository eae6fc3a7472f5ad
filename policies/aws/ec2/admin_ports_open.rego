# METADATA
# title: Security groups do not open SSH or RDP to the internet
# description: >-
#   No ingress rule allows TCP port 22 (SSH) or 3389 (RDP), or all
#   protocols, from 0.0.0.0/0 or ::/0: inline ingress blocks of
#   aws_security_group, aws_security_group_rule of type "ingress" and
#   aws_vpc_security_group_ingress_rule. Administrative ports open to the
#   whole internet invite brute force and exploitation of remote-access
#   services; an auditor expects remote administration to come only through
#   controlled paths.
# custom:
#   id: AWS-EC2-001
#   severity: critical
#   criteria: [CC6.6, CC7.2]
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   remediation: >-
#     Restrict the rule's cidr_blocks / ipv6_cidr_blocks (cidr_ipv4 / cidr_ipv6)
#     to known administrative networks, or remove it and reach instances
#     through SSM Session Manager, a VPN or a bastion that is itself
#     restricted.
package soc2scan.rules.aws.ec2.admin_ports_open

import data.soc2scan.lib.terraform as tf

admin_ports := [22, 3389]

internet := {"0.0.0.0/0", "::/0"}

# ingress_rules normalises the three ways to write an ingress rule: the
# resource, the path of the rule's attributes in it ([] for a rule resource,
# ["ingress", i] for an inline block), a label for messages, the rule's
# attributes, and the names of its protocol and CIDR attributes.
ingress_rules := array.concat(
	array.concat(
		[{
			"resource": sg,
			"path": ["ingress", i],
			"label": inline_label(sg, i, block),
			"values": block,
			"protocol": "protocol",
			"cidrs": ["cidr_blocks", "ipv6_cidr_blocks"],
		} |
			some sg in tf.resources("aws_security_group")
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

inline_label(sg, i, block) := sprintf("%s ingress[%d] (%q)", [sg.id, i, block.description]) if {
	is_string(block.description)
	block.description != ""
} else := sprintf("%s ingress[%d]", [sg.id, i])

deny contains finding if {
	some rule in ingress_rules
	offending(rule)
	msg := sprintf("%s allows %s from %s", [rule.label, port_description(rule), concat(", ", open_cidrs(rule))])
	finding := tf.finding(rule.resource, msg)
}

unknown contains tf.undetermined(rule.resource, path) if {
	some rule in ingress_rules
	not offending(rule)
	may_open_admin_ports(rule)
	may_come_from_internet(rule)
	some attr in deciding(rule)
	path := array.concat(rule.path, [attr])
	tf.contains_unknown(rule.resource, path)
}

# A security group whose inline rules are all known only after apply is
# undetermined, unless separate rule resources manage its ingress (the AWS
# provider then computes the inline list from them, and they are checked
# themselves).
unknown contains tf.undetermined(sg, "ingress") if {
	some sg in tf.resources("aws_security_group")
	tf.is_unknown(sg, "ingress")
	not tf.has_related(sg, "aws_security_group_rule", "security_group_id")
	not tf.has_related(sg, "aws_vpc_security_group_ingress_rule", "security_group_id")
}

offending(rule) if {
	ingress(rule)
	port_description(rule)
	count(open_cidrs(rule)) > 0
}

attr(rule, name) := object.get(rule.values, name, null)

# ingress holds for inline blocks and for rule resources of known type
# "ingress" (aws_vpc_security_group_ingress_rule has no type).
ingress(rule) if {
	tf.is_known(rule.resource, array.concat(rule.path, ["type"]))
	attr(rule, "type") in {null, "ingress"}
}

protocol(rule) := lower(sprintf("%v", [attr(rule, rule.protocol)]))

all_protocols(rule) if protocol(rule) in {"-1", "all"}

tcp(rule) if protocol(rule) in {"tcp", "6"}

covered(rule) := [port |
	is_number(attr(rule, "from_port"))
	is_number(attr(rule, "to_port"))
	some port in admin_ports
	attr(rule, "from_port") <= port
	port <= attr(rule, "to_port")
]

port_description(rule) := sprintf("all protocols and ports (%s = %q)", [rule.protocol, attr(rule, rule.protocol)]) if {
	all_protocols(rule)
} else := sprintf("port %d", [attr(rule, "from_port")]) if {
	tcp(rule)
	count(covered(rule)) > 0
	attr(rule, "from_port") == attr(rule, "to_port")
} else := sprintf("ports %d-%d (including %s)", [
	attr(rule, "from_port"),
	attr(rule, "to_port"),
	concat(" and ", [sprintf("%d", [p]) | some p in covered(rule)]),
]) if {
	tcp(rule)
	count(covered(rule)) > 0
}

# open_cidrs lists the internet CIDRs of a rule, each with its attribute.
open_cidrs(rule) := [sprintf("%s (%s)", [cidr, name]) |
	some name in rule.cidrs
	some cidr in cidr_list(attr(rule, name))
	cidr in internet
]

cidr_list(v) := [v] if is_string(v)

cidr_list(v) := v if is_array(v)

cidr_list(v) := [] if {
	not is_string(v)
	not is_array(v)
}

deciding(rule) := array.concat(["type", rule.protocol, "from_port", "to_port"], rule.cidrs)

may_open_admin_ports(rule) if port_description(rule)

may_open_admin_ports(rule) if {
	some name in [rule.protocol, "from_port", "to_port"]
	tf.contains_unknown(rule.resource, array.concat(rule.path, [name]))
}

may_come_from_internet(rule) if count(open_cidrs(rule)) > 0

may_come_from_internet(rule) if {
	some name in rule.cidrs
	tf.contains_unknown(rule.resource, array.concat(rule.path, [name]))
}
