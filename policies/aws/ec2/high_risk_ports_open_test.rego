package soc2scan.rules.aws.ec2.high_risk_ports_open_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ec2.high_risk_ports_open

rule(name, values) := {"id": sprintf("aws_security_group_rule.%s", [name]), "type": "aws_security_group_rule", "values": object.union({"type": "ingress"}, values)}

test_fail_mysql_from_internet if {
	findings := high_risk_ports_open.deny with input as doc([rule("db", {"protocol": "tcp", "from_port": 3306, "to_port": 3306, "cidr_blocks": ["0.0.0.0/0"]})])
	findings == {{"resource": "aws_security_group_rule.db", "message": "aws_security_group_rule.db allows port 3306/tcp from 0.0.0.0/0 (cidr_blocks)"}}
}

test_fail_inline_udp_range_and_slash_zero if {
	findings := high_risk_ports_open.deny with input as doc([{
		"id": "aws_security_group.files",
		"type": "aws_security_group",
		"values": {"ingress": [{"protocol": "udp", "from_port": "135", "to_port": "170", "cidr_blocks": ["10.0.0.0/8", "1.0.0.0/0"]}]},
	}])
	findings == {{"resource": "aws_security_group.files", "message": "aws_security_group.files ingress[0] allows ports 135-170/udp (including 135, 137, 138, 139, 161) from 1.0.0.0/0 (cidr_blocks)"}}
}

test_fail_all_protocols_ipv6 if {
	findings := high_risk_ports_open.deny with input as doc([{
		"id": "aws_vpc_security_group_ingress_rule.all",
		"type": "aws_vpc_security_group_ingress_rule",
		"values": {"ip_protocol": "-1", "cidr_ipv6": "::/0"},
	}])
	findings == {{"resource": "aws_vpc_security_group_ingress_rule.all", "message": "aws_vpc_security_group_ingress_rule.all allows all protocols and ports (ip_protocol = \"-1\") from ::/0 (cidr_ipv6)"}}
}

test_pass_web_ports_and_private_networks if {
	count(high_risk_ports_open.deny) == 0 with input as doc([
		rule("https", {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}),
		rule("db", {"protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["10.0.0.0/16", "0.0.0.0/12"]}),
		rule("out", {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}),
		rule("ssh", {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}),
	])
}

test_unknown_cidr_is_not_a_finding if {
	input_doc := doc([object.union(
		rule("db", {"protocol": "tcp", "from_port": 6379, "to_port": 6379}),
		{"unknown": {"cidr_blocks": true}},
	)])
	count(high_risk_ports_open.deny) == 0 with input as input_doc
	high_risk_ports_open.unknown == {{"resource": "aws_security_group_rule.db", "message": "cidr_blocks is known only after apply"}} with input as input_doc
}
