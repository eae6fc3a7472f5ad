package soc2scan.rules.aws.cloudtrail.cloudwatch_logs_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudtrail.cloudwatch_logs

trail(values) := {"id": "aws_cloudtrail.main", "type": "aws_cloudtrail", "values": object.union({"name": "main", "s3_bucket_name": "logs"}, values)}

test_fail_no_delivery if {
	findings := cloudwatch_logs.deny with input as doc([trail({})])
	findings == {{"resource": "aws_cloudtrail.main", "message": "aws_cloudtrail.main does not set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn: its events are not delivered to CloudWatch Logs"}}
}

test_fail_no_role if {
	findings := cloudwatch_logs.deny with input as doc([trail({"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:1:log-group:trail:*"})])
	findings == {{"resource": "aws_cloudtrail.main", "message": "aws_cloudtrail.main does not set cloud_watch_logs_role_arn: its events are not delivered to CloudWatch Logs"}}
}

test_pass_group_and_role if {
	count(cloudwatch_logs.deny) == 0 with input as doc([trail({
		"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:1:log-group:trail:*",
		"cloud_watch_logs_role_arn": "arn:aws:iam::1:role/trail",
	})])
}

test_unknown_group_is_not_a_finding if {
	input_doc := doc([object.union(
		trail({"cloud_watch_logs_role_arn": "arn:aws:iam::1:role/trail"}),
		{"unknown": {"cloud_watch_logs_group_arn": true}},
	)])
	count(cloudwatch_logs.deny) == 0 with input as input_doc
	cloudwatch_logs.unknown == {{"resource": "aws_cloudtrail.main", "message": "cloud_watch_logs_group_arn is known only after apply"}} with input as input_doc
}
