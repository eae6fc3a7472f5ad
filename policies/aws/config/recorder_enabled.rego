# METADATA
# title: AWS Config records every resource type, is started and delivers
# description: >-
#   Every aws_config_configuration_recorder records all supported resource
#   types (recording_group.all_supported, the default) including global
#   ones (include_global_resource_types = true, default false), is started
#   by an aws_config_configuration_recorder_status with is_enabled = true,
#   and the document declares an aws_config_delivery_channel. AWS Config is
#   the inventory and configuration history of the account; an auditor
#   relies on it to show what changed, when, and that the change process
#   was followed.
# custom:
#   id: AWS-CONFIG-001
#   severity: medium
#   criteria: [CC2.1, CC3.1, CC3.4, CC8.1]
#   resource_types: [aws_config_configuration_recorder]
#   remediation: >-
#     Set recording_group { all_supported = true
#     include_global_resource_types = true }, add an
#     aws_config_configuration_recorder_status with name = the recorder's
#     name and is_enabled = true, and an aws_config_delivery_channel to an S3
#     bucket.
package soc2scan.rules.aws.config.recorder_enabled

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

all_supported := ["recording_group", 0, "all_supported"]

global := ["recording_group", 0, "include_global_resource_types"]

deny contains finding if {
	some recorder in tf.resources("aws_config_configuration_recorder")
	found := problems(recorder)
	count(found) > 0
	finding := {"resource": recorder.id, "message": sprintf("%s %s", [recorder.id, concat("; ", found)])}
}

unknown contains tf.undetermined(recorder, path) if {
	some recorder in tf.resources("aws_config_configuration_recorder")
	some path in [all_supported, global]
	tf.is_unknown(recorder, path)
}

unknown contains tf.undetermined_because(recorder, sprintf("%s.is_enabled is known only after apply", [status.id])) if {
	some recorder in tf.resources("aws_config_configuration_recorder")
	some status in tf.related(recorder, "aws_config_configuration_recorder_status", "name")
	tf.is_unknown(status, "is_enabled")
}

# Each check is its own term: one that holds must not hide the others.
problems(recorder) := array.concat(
	array.concat([p | p := selective(recorder)], [p | p := no_global(recorder)]),
	array.concat([p | p := not_started(recorder)], [p | p := no_channel(recorder)]),
)

selective(recorder) := "has recording_group.all_supported = false: it records only some resource types" if {
	aws.is_false(recorder, all_supported)
}

no_global(recorder) := "does not set recording_group.include_global_resource_types = true: IAM and other global resources are not recorded" if {
	not aws.is_true(recorder, global)
	tf.is_known(recorder, global)
	not aws.is_false(recorder, all_supported)
}

not_started(recorder) := "is not started: no aws_config_configuration_recorder_status for it has is_enabled = true" if {
	not started(recorder)
	every status in tf.related(recorder, "aws_config_configuration_recorder_status", "name") {
		tf.is_known(status, "is_enabled")
	}
}

no_channel(_) := "has no aws_config_delivery_channel in this configuration to deliver its history" if {
	count(tf.resources("aws_config_delivery_channel")) == 0
}

started(recorder) if {
	some status in tf.related(recorder, "aws_config_configuration_recorder_status", "name")
	aws.is_true(status, "is_enabled")
}
