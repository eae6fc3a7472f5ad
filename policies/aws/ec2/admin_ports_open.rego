# METADATA
# title: Security groups do not open SSH or RDP to the internet
# description: >-
#   No ingress rule allows TCP port 22 (SSH) or 3389 (RDP), or all
#   protocols, from the internet (0.0.0.0/0, ::/0 or any other /0 prefix):
#   inline ingress blocks of aws_security_group and
#   aws_default_security_group, aws_security_group_rule of type "ingress"
#   and aws_vpc_security_group_ingress_rule. Administrative ports open to the
#   whole internet invite brute force and exploitation of remote-access
#   services; an auditor expects remote administration to come only through
#   controlled paths.
# custom:
#   id: AWS-EC2-001
#   severity: critical
#   criteria: [CC6.6, CC7.2]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   remediation: >-
#     Restrict the rule's cidr_blocks / ipv6_cidr_blocks (cidr_ipv4 / cidr_ipv6)
#     to known administrative networks, or remove it and reach instances
#     through SSM Session Manager, a VPN or a bastion that is itself
#     restricted.
package soc2scan.rules.aws.ec2.admin_ports_open

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

admin_ports := [22, 3389]

deny contains finding if {
	some rule in aws.internet_ingress_rules
	offending(rule)
	ports := aws.port_description(rule, admin_ports, {"tcp"})
	msg := sprintf("%s allows %s from %s", [rule.label, ports, concat(", ", rule.open_cidrs)])
	finding := {"resource": rule.resource.id, "message": msg}
}

unknown contains entry if {
	some rule in aws.internet_ingress_rules
	some entry in aws.undecided_rule(rule, admin_ports, {"tcp"})
	not offending(rule)
}

unknown contains tf.undetermined(sg, "ingress") if {
	some sg in aws.unmanaged_inline_groups
}

offending(rule) if {
	rule.is_ingress
	rule.open_cidrs != []
	aws.opens(rule, admin_ports, {"tcp"})
}
