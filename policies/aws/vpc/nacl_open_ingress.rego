# METADATA
# title: Network ACLs do not allow all traffic or SSH/RDP from the internet
# description: >-
#   No allow entry for ingress of an aws_network_acl, aws_default_network_acl
#   or aws_network_acl_rule admits, from the internet (0.0.0.0/0, ::/0 or any
#   other /0 prefix), all protocols or a TCP port range including 22 (SSH)
#   or 3389 (RDP). Network ACLs are the subnet-level layer of the network
#   boundary; an auditor expects them to narrow what reaches the subnet, not
#   to admit everything. Rule order is not evaluated: a lower-numbered deny
#   that shadows the allow still leaves the allow to be removed.
# custom:
#   id: AWS-VPC-002
#   severity: high
#   criteria: [CC6.6]
#   resource_types: [aws_network_acl, aws_default_network_acl, aws_network_acl_rule]
#   remediation: >-
#     Replace the allow entry with entries for the protocols and ports the
#     subnet serves (e.g. tcp 443, and the ephemeral range for return
#     traffic), or narrow cidr_block / ipv6_cidr_block to known networks.
package soc2scan.rules.aws.vpc.nacl_open_ingress

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

admin_ports := [22, 3389]

# entries normalises inline ingress blocks and separate ingress rules.
entries := array.concat(
	[{"resource": acl, "path": ["ingress", i], "label": sprintf("%s ingress[%d]", [acl.id, i]), "values": block, "action": "action"} |
		some type in ["aws_network_acl", "aws_default_network_acl"]
		some acl in tf.resources(type)
		some i, block in tf.blocks(acl, "ingress")
	],
	[{"resource": r, "path": [], "label": r.id, "values": r.values, "action": "rule_action"} |
		some r in tf.resources("aws_network_acl_rule")
		not aws.is_true(r, "egress")
	],
)

deny contains finding if {
	some e in entries
	offending(e)
	finding := {"resource": e.resource.id, "message": sprintf("%s allows %s from %s", [e.label, opens(e), concat(", ", sources(e))])}
}

unknown contains tf.undetermined(e.resource, array.concat(e.path, [attr])) if {
	some e in entries
	not offending(e)
	some attr in [e.action, "protocol", "from_port", "to_port", "cidr_block", "ipv6_cidr_block", "egress"]
	tf.contains_unknown(e.resource, array.concat(e.path, [attr]))
}

offending(e) if {
	lower(sprintf("%v", [value(e, e.action)])) == "allow"
	opens(e)
	count(sources(e)) > 0
}

value(e, name) := object.get(e.values, name, null)

protocol(e) := lower(sprintf("%v", [value(e, "protocol")]))

opens(e) := sprintf("all protocols (protocol = %q)", [protocol(e)]) if {
	protocol(e) in {"-1", "all"}
} else := sprintf("ports %v-%v (including %s)", [value(e, "from_port"), value(e, "to_port"), concat(" and ", covered(e))]) if {
	protocol(e) in {"tcp", "6"}
	count(covered(e)) > 0
}

covered(e) := [sprintf("%d", [port]) |
	some port in admin_ports
	aws.number(value(e, "from_port")) <= port
	port <= aws.number(value(e, "to_port"))
]

sources(e) := [sprintf("%s (%s)", [cidr, name]) |
	some name in ["cidr_block", "ipv6_cidr_block"]
	cidr := value(e, name)
	aws.internet(cidr)
]
