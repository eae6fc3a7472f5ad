package soc2scan.rules.aws.config.recorder_enabled_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.config.recorder_enabled

recorder(values) := {"id": "aws_config_configuration_recorder.main", "type": "aws_config_configuration_recorder", "values": values}

status(enabled) := {
	"id": "aws_config_configuration_recorder_status.main",
	"type": "aws_config_configuration_recorder_status",
	"values": {"is_enabled": enabled},
	"refs": {"name": ["aws_config_configuration_recorder.main"]},
}

channel := {"id": "aws_config_delivery_channel.main", "type": "aws_config_delivery_channel", "values": {"s3_bucket_name": "config"}}

test_fail_everything_missing if {
	findings := recorder_enabled.deny with input as doc([recorder({})])
	findings == {{"resource": "aws_config_configuration_recorder.main", "message": "aws_config_configuration_recorder.main does not set recording_group.include_global_resource_types = true: IAM and other global resources are not recorded; is not started: no aws_config_configuration_recorder_status for it has is_enabled = true; has no aws_config_delivery_channel in this configuration to deliver its history"}}
}

test_fail_selective_and_stopped if {
	findings := recorder_enabled.deny with input as doc([recorder({"recording_group": [{"all_supported": false}]}), status(false), channel])
	findings == {{"resource": "aws_config_configuration_recorder.main", "message": "aws_config_configuration_recorder.main has recording_group.all_supported = false: it records only some resource types; is not started: no aws_config_configuration_recorder_status for it has is_enabled = true"}}
}

test_pass_complete if {
	count(recorder_enabled.deny) == 0 with input as doc([
		recorder({"recording_group": [{"all_supported": true, "include_global_resource_types": true}]}),
		status(true),
		channel,
	])
}

test_unknown_status_is_not_a_finding if {
	input_doc := doc([
		recorder({"recording_group": [{"include_global_resource_types": true}]}),
		object.union(status(null), {"unknown": {"is_enabled": true}}),
		channel,
	])
	count(recorder_enabled.deny) == 0 with input as input_doc
	recorder_enabled.unknown == {{"resource": "aws_config_configuration_recorder.main", "message": "aws_config_configuration_recorder_status.main.is_enabled is known only after apply"}} with input as input_doc
}
