# METADATA
# title: CloudWatch log groups keep logs for at least a year
# description: >-
#   Every aws_cloudwatch_log_group sets retention_in_days to 365 or more.
#   Without the attribute, or with 0, the group never expires its logs: no
#   retention period has been decided, and storage grows without bound; a
#   shorter period deletes the evidence before an audit period (usually
#   twelve months) is over. An auditor expects logs to be kept for a defined
#   period that covers the audit.
# custom:
#   id: AWS-CW-002
#   severity: medium
#   criteria: [CC7.2, CC7.3]
#   resource_types: [aws_cloudwatch_log_group]
#   remediation: >-
#     Set retention_in_days to 365 or a longer allowed value (400, 545, 731,
#     1096, 1827, 2192, 2557, 2922, 3288 or 3653), or to what the retention
#     policy requires if longer.
package soc2scan.rules.aws.cloudwatch.log_group_retention

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

minimum := 365

deny contains finding if {
	some group in tf.resources("aws_cloudwatch_log_group")
	tf.is_known(group, "retention_in_days")
	msg := problem(group)
	finding := {"resource": group.id, "message": sprintf("%s %s", [group.id, msg])}
}

unknown contains tf.undetermined(group, "retention_in_days") if {
	some group in tf.resources("aws_cloudwatch_log_group")
	tf.is_unknown(group, "retention_in_days")
}

problem(group) := "does not set retention_in_days: its logs never expire and no retention period is defined" if {
	tf.value(group, "retention_in_days") == null
} else := "has retention_in_days = 0: its logs never expire and no retention period is defined" if {
	aws.number(tf.value(group, "retention_in_days")) == 0
} else := sprintf("has retention_in_days = %v, less than %d days", [tf.value(group, "retention_in_days"), minimum]) if {
	not aws.number(tf.value(group, "retention_in_days")) >= minimum
}
