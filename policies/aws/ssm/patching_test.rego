package soc2scan.rules.aws.ssm.patching_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ssm.patching

association(values) := {"id": "aws_ssm_association.patch", "type": "aws_ssm_association", "values": object.union({"name": "AWS-RunPatchBaseline"}, values)}

good := {
	"schedule_expression": "cron(0 3 ? * SUN *)",
	"parameters": {"Operation": "Install"},
	"targets": [{"key": "tag:PatchGroup", "values": ["prod"]}],
}

instance(name, tags) := {"id": sprintf("aws_instance.%s", [name]), "type": "aws_instance", "values": {"tags": tags}}

test_fail_scan_once_and_untargeted if {
	findings := patching.deny with input as doc([
		association({"targets": [{"key": "tag:PatchGroup", "values": ["prod"]}]}),
		instance("web", {"PatchGroup": "prod"}),
		instance("legacy", {}),
	])
	findings == {
		{"resource": "aws_ssm_association.patch", "message": "aws_ssm_association.patch runs AWS-RunPatchBaseline without a schedule_expression: patches are applied once, not on a schedule"},
		{"resource": "aws_ssm_association.patch", "message": "aws_ssm_association.patch runs AWS-RunPatchBaseline with Operation = \"Scan\": it only reports missing patches"},
		{"resource": "aws_instance.legacy", "message": "aws_instance.legacy is a target of none of the AWS-RunPatchBaseline associations of this configuration (aws_ssm_association.patch)"},
	}
}

test_pass_scheduled_install_covering_instances if {
	count(patching.deny) == 0 with input as doc([association(good), instance("web", {"PatchGroup": "prod"})])
}

test_pass_no_association_in_configuration if {
	count(patching.deny) == 0 with input as doc([instance("web", {})])
}

test_unknown_schedule_is_not_a_finding if {
	input_doc := doc([object.union(association(object.remove(good, ["schedule_expression"])), {"unknown": {"schedule_expression": true}})])
	count(patching.deny) == 0 with input as input_doc
	patching.unknown == {{"resource": "aws_ssm_association.patch", "message": "schedule_expression is known only after apply"}} with input as input_doc
}
