# METADATA
# title: CloudTrail delivers events to CloudWatch Logs
# description: >-
#   Every aws_cloudtrail sets cloud_watch_logs_group_arn and
#   cloud_watch_logs_role_arn, so that its events reach a CloudWatch Logs
#   group within minutes, where metric filters and alarms can act on them.
#   Logs that only land in S3 are evidence after the fact; an auditor
#   expects security events to be detected and alerted on as they happen.
# custom:
#   id: AWS-CT-004
#   severity: medium
#   criteria: [CC7.2, CC7.3, A1.2]
#   resource_types: [aws_cloudtrail]
#   remediation: >-
#     Set cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.<name>.arn}:*"
#     and cloud_watch_logs_role_arn to a role that cloudtrail.amazonaws.com
#     may assume with logs:CreateLogStream and logs:PutLogEvents on that group.
package soc2scan.rules.aws.cloudtrail.cloudwatch_logs

import data.soc2scan.lib.terraform as tf

attrs := ["cloud_watch_logs_group_arn", "cloud_watch_logs_role_arn"]

deny contains finding if {
	some trail in tf.resources("aws_cloudtrail")
	missing := [attr | some attr in attrs; unset(trail, attr)]
	count(missing) > 0
	every attr in attrs {
		tf.is_known(trail, attr)
	}
	finding := {"resource": trail.id, "message": sprintf("%s does not set %s: its events are not delivered to CloudWatch Logs", [trail.id, concat(" and ", missing)])}
}

unknown contains tf.undetermined(trail, attr) if {
	some trail in tf.resources("aws_cloudtrail")
	some attr in attrs
	trail.unknown[attr] # fails at once for most trails
	tf.is_unknown(trail, attr)
}

unset(trail, attr) if {
	tf.value(trail, attr) in {null, ""}
	tf.is_known(trail, attr)
}
