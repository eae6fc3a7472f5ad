# METADATA
# title: Default security groups allow no traffic
# description: >-
#   Every aws_default_security_group declares no ingress and no egress
#   block, and no aws_security_group_rule, aws_vpc_security_group_ingress_rule
#   or aws_vpc_security_group_egress_rule adds a rule to it. Terraform then
#   removes every rule from the VPC's default group, so that a resource
#   launched without an explicit security group gets no network access. An
#   auditor expects network access to be granted on purpose, through groups
#   named for it.
# custom:
#   id: AWS-VPC-001
#   severity: medium
#   criteria: [CC6.1, CC6.6]
#   resource_types: [aws_default_security_group]
#   remediation: >-
#     Remove the ingress and egress blocks from the aws_default_security_group
#     (keep the resource: without blocks it strips the default rules), move
#     the rules to a dedicated aws_security_group and attach that group to the
#     resources that need it.
package soc2scan.rules.aws.vpc.default_security_group

import data.soc2scan.lib.terraform as tf

rule_types := ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]

deny contains finding if {
	some sg in tf.resources("aws_default_security_group")
	found := rules(sg)
	count(found) > 0
	finding := {"resource": sg.id, "message": sprintf("%s has %s", [sg.id, concat(", ", found)])}
}

unknown contains tf.undetermined(sg, direction) if {
	some sg in tf.resources("aws_default_security_group")
	count(rules(sg)) == 0
	some direction in ["ingress", "egress"]
	tf.is_unknown(sg, direction)
}

rules(sg) := array.concat(
	[sprintf("%d %s block(s)", [n, direction]) |
		some direction in ["ingress", "egress"]
		n := count(tf.blocks(sg, direction))
		n > 0
	],
	sort([sprintf("a rule added by %s", [r.id]) |
		some type in rule_types
		some r in tf.related(sg, type, "security_group_id")
	]),
)
