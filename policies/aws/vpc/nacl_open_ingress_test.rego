package soc2scan.rules.aws.vpc.nacl_open_ingress_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.vpc.nacl_open_ingress

acl(ingress) := {"id": "aws_network_acl.main", "type": "aws_network_acl", "values": {"ingress": ingress}}

entry(values) := object.union({"rule_no": 100, "action": "allow", "from_port": 0, "to_port": 0}, values)

test_fail_allow_all_inline if {
	findings := nacl_open_ingress.deny with input as doc([acl([entry({"protocol": "-1", "cidr_block": "0.0.0.0/0"})])])
	findings == {{"resource": "aws_network_acl.main", "message": "aws_network_acl.main ingress[0] allows all protocols (protocol = \"-1\") from 0.0.0.0/0 (cidr_block)"}}
}

test_fail_ssh_rule if {
	findings := nacl_open_ingress.deny with input as doc([{
		"id": "aws_network_acl_rule.ssh",
		"type": "aws_network_acl_rule",
		"values": {"rule_number": 100, "egress": false, "protocol": "tcp", "rule_action": "allow", "from_port": 22, "to_port": 22, "ipv6_cidr_block": "::/0"},
	}])
	findings == {{"resource": "aws_network_acl_rule.ssh", "message": "aws_network_acl_rule.ssh allows ports 22-22 (including 22) from ::/0 (ipv6_cidr_block)"}}
}

test_pass_https_and_deny_and_egress if {
	count(nacl_open_ingress.deny) == 0 with input as doc([
		acl([
			entry({"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_block": "0.0.0.0/0"}),
			entry({"action": "deny", "protocol": "-1", "cidr_block": "0.0.0.0/0"}),
			entry({"protocol": "-1", "cidr_block": "10.0.0.0/8"}),
		]),
		{
			"id": "aws_network_acl_rule.out",
			"type": "aws_network_acl_rule",
			"values": {"egress": true, "protocol": "-1", "rule_action": "allow", "cidr_block": "0.0.0.0/0"},
		},
	])
}

test_unknown_cidr_is_not_a_finding if {
	input_doc := doc([object.union(acl([entry({"protocol": "-1"})]), {"unknown": {"ingress": [{"cidr_block": true}]}})])
	count(nacl_open_ingress.deny) == 0 with input as input_doc
	nacl_open_ingress.unknown == {{"resource": "aws_network_acl.main", "message": "ingress.0.cidr_block is known only after apply"}} with input as input_doc
}
