package soc2scan.rules.aws.ec2.admin_ports_open_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ec2.admin_ports_open

ingress(protocol, from, to, cidrs, ipv6) := {
	"protocol": protocol,
	"from_port": from,
	"to_port": to,
	"cidr_blocks": cidrs,
	"ipv6_cidr_blocks": ipv6,
	"description": "",
}

group(name, blocks) := {"id": sprintf("aws_security_group.%s", [name]), "type": "aws_security_group", "values": {"ingress": blocks}}

rule(name, values) := {
	"id": sprintf("aws_security_group_rule.%s", [name]),
	"type": "aws_security_group_rule",
	"values": object.union({"type": "ingress", "ipv6_cidr_blocks": null}, values),
}

vpc_rule(name, values) := {
	"id": sprintf("aws_vpc_security_group_ingress_rule.%s", [name]),
	"type": "aws_vpc_security_group_ingress_rule",
	"values": values,
}

test_fail_inline_ssh_from_anywhere if {
	findings := admin_ports_open.deny with input as doc([group("bastion", [
		object.union(ingress("tcp", 22, 22, ["0.0.0.0/0"], []), {"description": "SSH from anywhere"}),
		ingress("tcp", 443, 443, ["0.0.0.0/0"], ["::/0"]),
	])])
	findings == {{
		"resource": "aws_security_group.bastion",
		"message": "aws_security_group.bastion ingress[0] (\"SSH from anywhere\") allows port 22 from 0.0.0.0/0 (cidr_blocks)",
	}}
}

test_fail_one_finding_per_offending_inline_rule if {
	findings := admin_ports_open.deny with input as doc([group("legacy", [
		ingress("-1", 0, 0, ["0.0.0.0/0"], []),
		ingress("tcp", 3389, 3389, [], ["::/0"]),
	])])
	findings == {
		{
			"resource": "aws_security_group.legacy",
			"message": "aws_security_group.legacy ingress[0] allows all protocols and ports (protocol = \"-1\") from 0.0.0.0/0 (cidr_blocks)",
		},
		{
			"resource": "aws_security_group.legacy",
			"message": "aws_security_group.legacy ingress[1] allows port 3389 from ::/0 (ipv6_cidr_blocks)",
		},
	}
}

test_fail_rule_resource_rdp if {
	findings := admin_ports_open.deny with input as doc([rule("rdp", {"protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]})])
	findings == {{
		"resource": "aws_security_group_rule.rdp",
		"message": "aws_security_group_rule.rdp allows port 3389 from 0.0.0.0/0 (cidr_blocks)",
	}}
}

test_fail_port_range_covering_both if {
	findings := admin_ports_open.deny with input as doc([rule("wide", {"protocol": "6", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]})])
	findings == {{
		"resource": "aws_security_group_rule.wide",
		"message": "aws_security_group_rule.wide allows ports 0-65535 (including 22 and 3389) from 0.0.0.0/0 (cidr_blocks), ::/0 (ipv6_cidr_blocks)",
	}}
}

test_fail_protocol_all_spelled_out if {
	findings := admin_ports_open.deny with input as doc([rule("all", {"protocol": "all", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]})])
	{f.resource | some f in findings} == {"aws_security_group_rule.all"}
}

test_fail_vpc_rule_ssh_ipv4 if {
	findings := admin_ports_open.deny with input as doc([vpc_rule("ssh", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0", "cidr_ipv6": null})])
	findings == {{
		"resource": "aws_vpc_security_group_ingress_rule.ssh",
		"message": "aws_vpc_security_group_ingress_rule.ssh allows port 22 from 0.0.0.0/0 (cidr_ipv4)",
	}}
}

test_fail_vpc_rule_all_protocols_ipv6 if {
	findings := admin_ports_open.deny with input as doc([vpc_rule("all", {"ip_protocol": "-1", "cidr_ipv6": "::/0"})])
	findings == {{
		"resource": "aws_vpc_security_group_ingress_rule.all",
		"message": "aws_vpc_security_group_ingress_rule.all allows all protocols and ports (ip_protocol = \"-1\") from ::/0 (cidr_ipv6)",
	}}
}

test_fail_range_around_ssh if {
	findings := admin_ports_open.deny with input as doc([vpc_rule("range", {"ip_protocol": "TCP", "from_port": 20, "to_port": 30, "cidr_ipv4": "0.0.0.0/0"})])
	findings == {{
		"resource": "aws_vpc_security_group_ingress_rule.range",
		"message": "aws_vpc_security_group_ingress_rule.range allows ports 20-30 (including 22) from 0.0.0.0/0 (cidr_ipv4)",
	}}
}

test_pass_ssh_from_private_network if {
	count(admin_ports_open.deny) == 0 with input as doc([
		group("web", [ingress("tcp", 22, 22, ["10.0.0.0/16"], [])]),
		rule("ssh", {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["192.168.0.0/24"]}),
		vpc_rule("ssh", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "10.0.0.0/8"}),
	])
}

test_pass_other_ports_from_anywhere if {
	count(admin_ports_open.deny) == 0 with input as doc([
		group("web", [ingress("tcp", 443, 443, ["0.0.0.0/0"], ["::/0"]), ingress("tcp", 23, 3388, ["0.0.0.0/0"], [])]),
		vpc_rule("https", {"ip_protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_ipv4": "0.0.0.0/0"}),
	])
}

test_pass_udp_and_icmp if {
	count(admin_ports_open.deny) == 0 with input as doc([
		rule("dns", {"protocol": "udp", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"]}),
		vpc_rule("ping", {"ip_protocol": "icmp", "from_port": -1, "to_port": -1, "cidr_ipv4": "0.0.0.0/0"}),
	])
}

test_pass_egress_rule if {
	count(admin_ports_open.deny) == 0 with input as doc([rule("out", {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]})])
}

test_unknown_cidr_is_not_a_finding if {
	r := object.union(rule("ssh", {"protocol": "tcp", "from_port": 22, "to_port": 22}), {"unknown": {"cidr_blocks": true}})
	input_doc := doc([r])
	count(admin_ports_open.deny) == 0 with input as input_doc
	admin_ports_open.unknown == {{"resource": "aws_security_group_rule.ssh", "message": "cidr_blocks is known only after apply"}} with input as input_doc
}

test_unknown_inline_port_is_not_a_finding if {
	sg := object.union(
		group("app", [{"protocol": "tcp", "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]),
		{"unknown": {"ingress": [{"from_port": true}]}},
	)
	input_doc := doc([sg])
	count(admin_ports_open.deny) == 0 with input as input_doc
	admin_ports_open.unknown == {{"resource": "aws_security_group.app", "message": "ingress.0.from_port is known only after apply"}} with input as input_doc
}

test_pass_unknown_port_with_private_cidr if {
	r := object.union(rule("app", {"protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]}), {"unknown": {"from_port": true, "to_port": true}})
	count(admin_ports_open.deny) == 0 with input as doc([r])
	count(admin_ports_open.unknown) == 0 with input as doc([r])
}

test_unknown_type_is_not_a_finding if {
	r := object.union(rule("ssh", {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}), {"unknown": {"type": true}})
	input_doc := doc([object.union(r, {"values": object.remove(r.values, ["type"])})])
	count(admin_ports_open.deny) == 0 with input as input_doc
	admin_ports_open.unknown == {{"resource": "aws_security_group_rule.ssh", "message": "type is known only after apply"}} with input as input_doc
}

test_unknown_inline_ingress_is_not_a_finding if {
	input_doc := doc([{"id": "aws_security_group.app", "type": "aws_security_group", "unknown": {"ingress": true}}])
	count(admin_ports_open.deny) == 0 with input as input_doc
	admin_ports_open.unknown == {{"resource": "aws_security_group.app", "message": "ingress is known only after apply"}} with input as input_doc
}

test_pass_unknown_inline_ingress_managed_by_rule_resources if {
	sg := {"id": "aws_security_group.app", "type": "aws_security_group", "unknown": {"ingress": true}}
	r := object.union(
		vpc_rule("https", {"ip_protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_ipv4": "0.0.0.0/0"}),
		{"refs": {"security_group_id": ["aws_security_group.app"]}},
	)
	count(admin_ports_open.deny) == 0 with input as doc([sg, r])
	count(admin_ports_open.unknown) == 0 with input as doc([sg, r])
}
