package soc2scan.rules.aws.cloudwatch.alarm_actions_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudwatch.alarm_actions

alarm(name, values) := {"id": sprintf("aws_cloudwatch_metric_alarm.%s", [name]), "type": "aws_cloudwatch_metric_alarm", "values": values}

test_fail_no_actions_and_disabled if {
	findings := alarm_actions.deny with input as doc([
		alarm("silent", {}),
		alarm("off", {"actions_enabled": false, "alarm_actions": ["arn:aws:sns:eu-west-1:1:oncall"]}),
	])
	findings == {
		{"resource": "aws_cloudwatch_metric_alarm.silent", "message": "aws_cloudwatch_metric_alarm.silent has no alarm_actions: nothing is notified when it goes into ALARM"},
		{"resource": "aws_cloudwatch_metric_alarm.off", "message": "aws_cloudwatch_metric_alarm.off has actions_enabled = false: its alarm_actions never run"},
	}
}

test_pass_action if {
	count(alarm_actions.deny) == 0 with input as doc([alarm("cpu", {"alarm_actions": ["arn:aws:sns:eu-west-1:1:oncall"]})])
}

test_unknown_actions_are_not_a_finding if {
	input_doc := doc([object.union(alarm("cpu", {}), {"unknown": {"alarm_actions": [true]}})])
	count(alarm_actions.deny) == 0 with input as input_doc
	alarm_actions.unknown == {{"resource": "aws_cloudwatch_metric_alarm.cpu", "message": "alarm_actions is known only after apply"}} with input as input_doc
}
