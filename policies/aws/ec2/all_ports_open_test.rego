package soc2scan.rules.aws.ec2.all_ports_open_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ec2.all_ports_open

rule(name, values) := {"id": sprintf("aws_security_group_rule.%s", [name]), "type": "aws_security_group_rule", "values": object.union({"type": "ingress"}, values)}

test_fail_all_protocols if {
	findings := all_ports_open.deny with input as doc([{
		"id": "aws_security_group.open",
		"type": "aws_security_group",
		"values": {"ingress": [{"protocol": -1, "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]},
	}])
	findings == {{"resource": "aws_security_group.open", "message": "aws_security_group.open ingress[0] allows all protocols and ports (protocol = \"-1\") from 0.0.0.0/0 (cidr_blocks)"}}
}

test_fail_every_tcp_port if {
	findings := all_ports_open.deny with input as doc([rule("wide", {"protocol": "tcp", "from_port": 0, "to_port": 65535, "ipv6_cidr_blocks": ["::/0"]})])
	findings == {{"resource": "aws_security_group_rule.wide", "message": "aws_security_group_rule.wide allows every tcp port (0-65535) from ::/0 (ipv6_cidr_blocks)"}}
}

test_pass_single_port_or_private_source if {
	count(all_ports_open.deny) == 0 with input as doc([
		rule("https", {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}),
		rule("vpc", {"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["10.0.0.0/8"]}),
		rule("out", {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}),
	])
}

test_unknown_protocol_is_not_a_finding if {
	input_doc := doc([object.union(
		rule("any", {"from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}),
		{"unknown": {"protocol": true}},
	)])
	count(all_ports_open.deny) == 0 with input as input_doc
	all_ports_open.unknown == {{"resource": "aws_security_group_rule.any", "message": "protocol is known only after apply"}} with input as input_doc
}
