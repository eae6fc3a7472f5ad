package soc2scan.rules.aws.cloudwatch.security_alarms_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudwatch.security_alarms

trail := {
	"id": "aws_cloudtrail.main",
	"type": "aws_cloudtrail",
	"unknown": {"cloud_watch_logs_group_arn": true},
	"refs": {"cloud_watch_logs_group_arn": ["aws_cloudwatch_log_group.trail"]},
}

group := {"id": "aws_cloudwatch_log_group.trail", "type": "aws_cloudwatch_log_group"}

filter(name, pattern) := {
	"id": sprintf("aws_cloudwatch_log_metric_filter.%s", [name]),
	"type": "aws_cloudwatch_log_metric_filter",
	"values": {"pattern": pattern, "metric_transformation": [{"name": name, "namespace": "CIS", "value": "1"}]},
	"refs": {"log_group_name": ["aws_cloudwatch_log_group.trail"]},
}

alarm(name) := {"id": sprintf("aws_cloudwatch_metric_alarm.%s", [name]), "type": "aws_cloudwatch_metric_alarm", "values": {"metric_name": name, "namespace": "CIS"}}

patterns := {
	"unauthorized": "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }",
	"root": "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS }",
	"signin": "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }",
	"iam": "{ ($.eventName = PutRolePolicy) || ($.eventName = AttachRolePolicy) }",
	"trail": "{ ($.eventName = StopLogging) || ($.eventName = DeleteTrail) }",
	"config": "{ ($.eventName = StopConfigurationRecorder) }",
	"org": "{ ($.eventSource = organizations.amazonaws.com) }",
	"s3": "{ ($.eventName = PutBucketPolicy) }",
	"sg": "{ ($.eventName = AuthorizeSecurityGroupIngress) }",
	"nacl": "{ ($.eventName = CreateNetworkAclEntry) }",
	"gw": "{ ($.eventName = AttachInternetGateway) }",
	"route": "{ ($.eventName = CreateRoute) }",
	"vpc": "{ ($.eventName = CreateVpc) }",
}

complete := array.concat([filter(n, p) | some n, p in patterns], [alarm(n) | some n, _ in patterns])

test_fail_no_delivery if {
	findings := security_alarms.deny with input as doc([{"id": "aws_cloudtrail.main", "type": "aws_cloudtrail", "values": {"name": "main"}}])
	findings == {{"resource": "aws_cloudtrail.main", "message": "aws_cloudtrail.main delivers no events to CloudWatch Logs (cloud_watch_logs_group_arn is not set): no metric filter can alarm on security changes"}}
}

test_fail_missing_events if {
	findings := security_alarms.deny with input as doc([trail, group, filter("root", patterns.root), alarm("root"), filter("vpc", patterns.vpc)])
	findings == {{"resource": "aws_cloudtrail.main", "message": "aws_cloudtrail.main delivers to aws_cloudwatch_log_group.trail, which has no metric filter with an alarm for AWS Config changes, CloudTrail changes, IAM policy changes, Organizations changes, VPC changes, bucket policy changes, console sign-in failures, network ACL changes, network gateway changes, route table changes, security group changes, unauthorised API calls"}}
}

test_pass_every_event_alarmed if {
	count(security_alarms.deny) == 0 with input as doc(array.concat([trail, group], complete))
}

test_unknown_log_group_elsewhere_is_not_a_finding if {
	input_doc := doc([{"id": "aws_cloudtrail.main", "type": "aws_cloudtrail", "unknown": {"cloud_watch_logs_group_arn": true}}])
	count(security_alarms.deny) == 0 with input as input_doc
	security_alarms.unknown == {{"resource": "aws_cloudtrail.main", "message": "cloud_watch_logs_group_arn refers to a log group not declared in this configuration"}} with input as input_doc
}
