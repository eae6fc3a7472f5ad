package soc2scan.rules.aws.dynamodb.point_in_time_recovery_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.dynamodb.point_in_time_recovery

test_fail_absent_or_false if {
	findings := point_in_time_recovery.deny with input as doc([
		{"id": "aws_dynamodb_table.a", "type": "aws_dynamodb_table"},
		{"id": "aws_dynamodb_table.b", "type": "aws_dynamodb_table", "values": {"point_in_time_recovery": [{"enabled": false}]}},
	])
	findings == {
		{"resource": "aws_dynamodb_table.a", "message": "aws_dynamodb_table.a does not set point_in_time_recovery.enabled (the default is false)"},
		{"resource": "aws_dynamodb_table.b", "message": "aws_dynamodb_table.b sets point_in_time_recovery.enabled = false"},
	}
}

test_pass_enabled if {
	count(point_in_time_recovery.deny) == 0 with input as doc([
		{"id": "aws_dynamodb_table.a", "type": "aws_dynamodb_table", "values": {"point_in_time_recovery": [{"enabled": true}]}},
		{"id": "aws_dynamodb_table.b", "type": "aws_dynamodb_table", "values": {"point_in_time_recovery": [{"enabled": "true"}]}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_dynamodb_table.a", "type": "aws_dynamodb_table", "unknown": {"point_in_time_recovery": [{"enabled": true}]}}])
	count(point_in_time_recovery.deny) == 0 with input as d
	point_in_time_recovery.unknown == {{"resource": "aws_dynamodb_table.a", "message": "point_in_time_recovery.0.enabled is known only after apply"}} with input as d
}
