package soc2scan.rules.aws.ec2.ebs_encrypted_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ec2.ebs_encrypted

volume(name, values) := {"id": sprintf("aws_ebs_volume.%s", [name]), "type": "aws_ebs_volume", "values": values}

by_default(values) := {"id": "aws_ebs_encryption_by_default.this", "type": "aws_ebs_encryption_by_default", "values": values}

test_fail_volume_not_encrypted if {
	findings := ebs_encrypted.deny with input as doc([volume("scratch", {"encrypted": false}), volume("data", {"encrypted": true})])
	findings == {{
		"resource": "aws_ebs_volume.scratch",
		"message": "aws_ebs_volume.scratch has encrypted = false, and no aws_ebs_encryption_by_default enables encryption by default",
	}}
}

test_fail_volume_without_attribute if {
	findings := ebs_encrypted.deny with input as doc([volume("scratch", {"size": 10})])
	findings == {{
		"resource": "aws_ebs_volume.scratch",
		"message": "aws_ebs_volume.scratch does not set encrypted, and no aws_ebs_encryption_by_default enables encryption by default",
	}}
}

test_fail_default_encryption_disabled if {
	findings := ebs_encrypted.deny with input as doc([volume("scratch", {}), by_default({"enabled": false})])
	{f.resource | some f in findings} == {"aws_ebs_volume.scratch"}
}

test_fail_instance_block_devices if {
	findings := ebs_encrypted.deny with input as doc([{
		"id": "aws_instance.web",
		"type": "aws_instance",
		"values": {
			"root_block_device": [{"encrypted": true, "volume_size": 50}],
			"ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": true}, {"device_name": "/dev/sdg"}],
		},
	}])
	findings == {{
		"resource": "aws_instance.web",
		"message": "aws_instance.web does not set ebs_block_device.1.encrypted, and no aws_ebs_encryption_by_default enables encryption by default",
	}}
}

test_fail_launch_template_string_false if {
	findings := ebs_encrypted.deny with input as doc([{
		"id": "aws_launch_template.app",
		"type": "aws_launch_template",
		"values": {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": "false", "volume_size": 20}]}]},
	}])
	findings == {{
		"resource": "aws_launch_template.app",
		"message": "aws_launch_template.app has block_device_mappings.0.ebs.0.encrypted = false, and no aws_ebs_encryption_by_default enables encryption by default",
	}}
}

test_pass_encrypted if {
	count(ebs_encrypted.deny) == 0 with input as doc([
		volume("data", {"encrypted": true}),
		{"id": "aws_instance.web", "type": "aws_instance", "values": {"root_block_device": [{"encrypted": true}]}},
		{
			"id": "aws_launch_template.app",
			"type": "aws_launch_template",
			"values": {"block_device_mappings": [
				{"device_name": "/dev/xvda", "ebs": [{"encrypted": "true"}]},
				{"device_name": "/dev/sdb", "virtual_name": "ephemeral0", "ebs": []},
			]},
		},
	])
}

test_pass_instance_without_declared_block_devices if {
	count(ebs_encrypted.deny) == 0 with input as doc([{"id": "aws_instance.web", "type": "aws_instance", "values": {"ami": "ami-123"}}])
}

test_pass_encryption_by_default if {
	count(ebs_encrypted.deny) == 0 with input as doc([
		volume("scratch", {"encrypted": false}),
		{"id": "aws_instance.web", "type": "aws_instance", "values": {"root_block_device": [{}]}},
		by_default({"enabled": true}),
	])
}

test_pass_encryption_by_default_enabled_is_the_default if {
	count(ebs_encrypted.deny) == 0 with input as doc([volume("scratch", {}), by_default({})])
}

test_unknown_encrypted_is_not_a_finding if {
	input_doc := doc([object.union(volume("cache", {}), {"unknown": {"encrypted": true}})])
	count(ebs_encrypted.deny) == 0 with input as input_doc
	ebs_encrypted.unknown == {{"resource": "aws_ebs_volume.cache", "message": "encrypted is known only after apply"}} with input as input_doc
}

test_unknown_encryption_by_default_is_not_a_finding if {
	input_doc := doc([volume("scratch", {"encrypted": false}), object.union(by_default({}), {"unknown": {"enabled": true}})])
	count(ebs_encrypted.deny) == 0 with input as input_doc
	ebs_encrypted.unknown == {{
		"resource": "aws_ebs_volume.scratch",
		"message": "aws_ebs_encryption_by_default.this.enabled is known only after apply",
	}} with input as input_doc
}
