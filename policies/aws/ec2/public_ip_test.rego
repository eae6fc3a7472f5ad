package soc2scan.rules.aws.ec2.public_ip_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ec2.public_ip

instance(name, values) := {"id": sprintf("aws_instance.%s", [name]), "type": "aws_instance", "values": values}

test_fail_explicit_and_default_vpc if {
	findings := public_ip.deny with input as doc([
		instance("web", {"associate_public_ip_address": true, "subnet_id": "subnet-1"}),
		instance("default", {"ami": "ami-1"}),
	])
	findings == {
		{"resource": "aws_instance.web", "message": "aws_instance.web has associate_public_ip_address = true"},
		{"resource": "aws_instance.default", "message": "aws_instance.default sets neither associate_public_ip_address nor subnet_id: it launches into a default subnet of the default VPC, which assigns public IP addresses"},
	}
}

test_fail_public_subnet if {
	findings := public_ip.deny with input as doc([
		{"id": "aws_subnet.public", "type": "aws_subnet", "values": {"map_public_ip_on_launch": true}},
		object.union(instance("app", {}), {"refs": {"subnet_id": ["aws_subnet.public"]}, "unknown": {"subnet_id": true}}),
	])
	findings == {
		{"resource": "aws_subnet.public", "message": "aws_subnet.public has map_public_ip_on_launch = true: instances launched into it get public IP addresses"},
		{"resource": "aws_instance.app", "message": "aws_instance.app does not set associate_public_ip_address and launches into aws_subnet.public, which has map_public_ip_on_launch = true"},
	}
}

test_pass_private if {
	count(public_ip.deny) == 0 with input as doc([
		{"id": "aws_subnet.private", "type": "aws_subnet", "values": {"cidr_block": "10.0.1.0/24"}},
		object.union(instance("app", {}), {"refs": {"subnet_id": ["aws_subnet.private"]}, "unknown": {"subnet_id": true}}),
		instance("off", {"associate_public_ip_address": false}),
		instance("nic", {"network_interface": [{"network_interface_id": "eni-1", "device_index": 0}]}),
		{"id": "aws_launch_template.lt", "type": "aws_launch_template", "values": {"network_interfaces": [{"associate_public_ip_address": "false"}]}},
	])
}

test_unknown_subnet_is_not_a_finding if {
	input_doc := doc([object.union(instance("app", {}), {"unknown": {"subnet_id": true}})])
	count(public_ip.deny) == 0 with input as input_doc
	public_ip.unknown == {{"resource": "aws_instance.app", "message": "subnet_id is known only after apply"}} with input as input_doc
}
