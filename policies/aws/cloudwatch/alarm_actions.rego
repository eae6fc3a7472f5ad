# METADATA
# title: CloudWatch metric alarms notify someone
# description: >-
#   Every aws_cloudwatch_metric_alarm keeps actions_enabled (the default,
#   true) and names at least one target in alarm_actions (an SNS topic, an
#   Auto Scaling or EC2 action). An alarm without an action changes state
#   on a dashboard nobody watches; an auditor expects monitored conditions
#   to reach the people or automation that respond.
# custom:
#   id: AWS-CW-003
#   severity: low
#   criteria: [CC4.2, CC7.2, CC7.3, CC7.4]
#   resource_types: [aws_cloudwatch_metric_alarm]
#   remediation: >-
#     Set alarm_actions = [aws_sns_topic.<on-call>.arn] (or another action)
#     and remove actions_enabled = false.
package soc2scan.rules.aws.cloudwatch.alarm_actions

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some alarm in tf.resources("aws_cloudwatch_metric_alarm")
	aws.is_false(alarm, "actions_enabled")
	finding := {"resource": alarm.id, "message": sprintf("%s has actions_enabled = false: its alarm_actions never run", [alarm.id])}
}

deny contains finding if {
	some alarm in tf.resources("aws_cloudwatch_metric_alarm")
	not aws.is_false(alarm, "actions_enabled")
	count(aws.strings(tf.value(alarm, "alarm_actions"))) == 0
	not tf.contains_unknown(alarm, "alarm_actions")
	finding := {"resource": alarm.id, "message": sprintf("%s has no alarm_actions: nothing is notified when it goes into ALARM", [alarm.id])}
}

unknown contains tf.undetermined(alarm, attr) if {
	some alarm in tf.resources("aws_cloudwatch_metric_alarm")
	some attr in ["actions_enabled", "alarm_actions"]
	tf.contains_unknown(alarm, attr)
}
