# METADATA
# title: CloudTrail log file validation is enabled
# description: >-
#   Every aws_cloudtrail sets enable_log_file_validation = true, so that
#   CloudTrail writes signed digest files with which any later change to or
#   deletion of a log file can be detected. An auditor relies on the audit
#   trail being tamper-evident.
# custom:
#   id: AWS-CT-002
#   severity: medium
#   criteria: [CC7.3]
#   resource_types: [aws_cloudtrail]
#   remediation: Set enable_log_file_validation = true on the trail.
package soc2scan.rules.aws.cloudtrail.log_file_validation

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some trail in tf.resources("aws_cloudtrail")
	not tf.known_true(trail, "enable_log_file_validation")
	tf.is_known(trail, "enable_log_file_validation")
	finding := {"resource": trail.id, "message": message(trail)}
}

unknown contains tf.undetermined(trail, "enable_log_file_validation") if {
	some trail in tf.resources("aws_cloudtrail")
	tf.is_unknown(trail, "enable_log_file_validation")
}

message(trail) := sprintf("%s has enable_log_file_validation = false", [trail.id]) if {
	tf.value(trail, "enable_log_file_validation") == false
} else := sprintf("%s does not set enable_log_file_validation (the default is false)", [trail.id])
