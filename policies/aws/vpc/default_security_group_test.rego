package soc2scan.rules.aws.vpc.default_security_group_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.vpc.default_security_group

default_sg(values) := {"id": "aws_default_security_group.default", "type": "aws_default_security_group", "values": values}

test_fail_inline_rules if {
	findings := default_security_group.deny with input as doc([default_sg({
		"ingress": [{"protocol": "-1", "self": true, "from_port": 0, "to_port": 0}],
		"egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],
	})])
	findings == {{"resource": "aws_default_security_group.default", "message": "aws_default_security_group.default has 1 ingress block(s), 1 egress block(s)"}}
}

test_fail_separate_rule if {
	findings := default_security_group.deny with input as doc([
		default_sg({}),
		{
			"id": "aws_vpc_security_group_ingress_rule.web",
			"type": "aws_vpc_security_group_ingress_rule",
			"values": {"ip_protocol": "tcp", "from_port": 443, "to_port": 443},
			"refs": {"security_group_id": ["aws_default_security_group.default"]},
		},
	])
	findings == {{"resource": "aws_default_security_group.default", "message": "aws_default_security_group.default has a rule added by aws_vpc_security_group_ingress_rule.web"}}
}

test_pass_no_rules if {
	count(default_security_group.deny) == 0 with input as doc([default_sg({"vpc_id": "vpc-1"})])
}

test_unknown_rules_are_not_a_finding if {
	input_doc := doc([object.union(default_sg({}), {"unknown": {"ingress": true}})])
	count(default_security_group.deny) == 0 with input as input_doc
	default_security_group.unknown == {{"resource": "aws_default_security_group.default", "message": "ingress is known only after apply"}} with input as input_doc
}
