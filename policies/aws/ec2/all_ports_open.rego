# METADATA
# title: Security groups do not open all ports to the internet
# description: >-
#   No ingress rule allows all protocols (protocol "-1"), or every TCP or
#   UDP port (0 or 1 to 65535), from the internet (0.0.0.0/0, ::/0 or any
#   other /0 prefix). Such a rule exposes every service an instance runs,
#   including those nobody meant to publish, and removes the network
#   boundary an auditor expects in front of systems.
# custom:
#   id: AWS-EC2-006
#   severity: critical
#   criteria: [CC6.6]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   remediation: >-
#     Replace the rule with rules for the protocols and ports the service
#     needs (e.g. tcp 443), and restrict the sources to known networks or
#     security groups.
package soc2scan.rules.aws.ec2.all_ports_open

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

# The ends of the port range: a rule covering both opens every port.
ends := [1, 65535]

protocols := {"tcp", "udp"}

deny contains finding if {
	some rule in aws.internet_ingress_rules
	offending(rule)
	msg := sprintf("%s allows %s from %s", [rule.label, description(rule), concat(", ", rule.open_cidrs)])
	finding := {"resource": rule.resource.id, "message": msg}
}

unknown contains entry if {
	some rule in aws.internet_ingress_rules
	some entry in aws.undecided_rule(rule, ends, protocols)
	not offending(rule)
}

unknown contains tf.undetermined(sg, "ingress") if {
	some sg in aws.unmanaged_inline_groups
}

offending(rule) if {
	rule.is_ingress
	rule.open_cidrs != []
	all_ports(rule)
}

all_ports(rule) if rule.all_protocols

all_ports(rule) if {
	not rule.all_protocols
	count(aws.covered(rule, ends, protocols)) == 2
}

description(rule) := sprintf("all protocols and ports (%s = %q)", [rule.protocol, sprintf("%v", [aws.rule_value(rule, rule.protocol)])]) if {
	rule.all_protocols
} else := sprintf("every %s port (%v-%v)", [rule.protocol_name, aws.rule_value(rule, "from_port"), aws.rule_value(rule, "to_port")])
