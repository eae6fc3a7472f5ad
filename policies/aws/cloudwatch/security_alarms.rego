# METADATA
# title: CloudTrail events feed metric filters and alarms for security changes
# description: >-
#   Every aws_cloudtrail that delivers to an aws_cloudwatch_log_group of the
#   document has, on that group, aws_cloudwatch_log_metric_filter patterns
#   with an aws_cloudwatch_metric_alarm on their metric for each of the CIS
#   AWS Foundations monitoring events: unauthorised API calls, root account
#   use, console sign-in failures, IAM policy, CloudTrail, AWS Config,
#   Organizations and bucket policy changes, and security group, network
#   ACL, network gateway, route table and VPC changes. A filter is matched
#   to an event by the event name or source in its pattern. A trail that
#   delivers nothing to CloudWatch Logs cannot alarm and fails; one whose
#   log group is declared elsewhere is not judged. These alarms are how
#   security-relevant changes reach someone within minutes, the detection
#   an auditor expects.
# custom:
#   id: AWS-CW-004
#   severity: medium
#   criteria: [CC5.2, CC7.2, CC7.3, CC7.4, PI1.3]
#   resource_types: [aws_cloudtrail]
#   remediation: >-
#     For each missing event, add an aws_cloudwatch_log_metric_filter on the
#     trail's log group (e.g. pattern { ($.eventName = StopLogging) ||
#     ($.eventName = DeleteTrail) || ... } with a metric_transformation) and
#     an aws_cloudwatch_metric_alarm on that metric with alarm_actions to the
#     security team's SNS topic.
package soc2scan.rules.aws.cloudwatch.security_alarms

import data.soc2scan.lib.terraform as tf

# events maps each monitored event to the pattern fragments that show a
# filter is about it (any one suffices).
events := {
	"unauthorised API calls": ["UnauthorizedOperation", "AccessDenied"],
	"root account use": ["\"Root\"", "= Root", "=Root"],
	"console sign-in failures": ["Failed authentication"],
	"IAM policy changes": ["PutRolePolicy", "AttachRolePolicy", "PutUserPolicy", "CreatePolicyVersion"],
	"CloudTrail changes": ["StopLogging", "DeleteTrail", "UpdateTrail"],
	"AWS Config changes": ["StopConfigurationRecorder", "DeleteDeliveryChannel"],
	"Organizations changes": ["organizations.amazonaws.com"],
	"bucket policy changes": ["PutBucketPolicy"],
	"security group changes": ["AuthorizeSecurityGroupIngress"],
	"network ACL changes": ["CreateNetworkAclEntry", "CreateNetworkAcl"],
	"network gateway changes": ["CreateCustomerGateway", "AttachInternetGateway"],
	"route table changes": ["CreateRoute", "ReplaceRoute"],
	"VPC changes": ["CreateVpc", "DeleteVpc"],
}

deny contains finding if {
	some trail in tf.resources("aws_cloudtrail")
	tf.value(trail, "cloud_watch_logs_group_arn") in {null, ""}
	tf.is_known(trail, "cloud_watch_logs_group_arn")
	finding := {"resource": trail.id, "message": sprintf("%s delivers no events to CloudWatch Logs (cloud_watch_logs_group_arn is not set): no metric filter can alarm on security changes", [trail.id])}
}

deny contains finding if {
	some trail in tf.resources("aws_cloudtrail")
	some group in groups(trail)
	missing := sort([event | some event, _ in events; not alarmed(group, event)])
	count(missing) > 0
	finding := {"resource": trail.id, "message": sprintf("%s delivers to %s, which has no metric filter with an alarm for %s", [trail.id, group.id, concat(", ", missing)])}
}

unknown contains tf.undetermined_because(trail, "cloud_watch_logs_group_arn refers to a log group not declared in this configuration") if {
	some trail in tf.resources("aws_cloudtrail")
	tf.value(trail, "cloud_watch_logs_group_arn") != null
	count(groups(trail)) == 0
}

unknown contains tf.undetermined_because(trail, "cloud_watch_logs_group_arn refers to a log group not declared in this configuration") if {
	some trail in tf.resources("aws_cloudtrail")
	tf.is_unknown(trail, "cloud_watch_logs_group_arn")
	count(groups(trail)) == 0
}

groups(trail) := [g | some g in tf.refers_to(trail, "cloud_watch_logs_group_arn"); g.type == "aws_cloudwatch_log_group"]

alarmed(group, event) if {
	some filter in tf.related(group, "aws_cloudwatch_log_metric_filter", "log_group_name")
	pattern := tf.value(filter, "pattern")
	is_string(pattern)
	some fragment in events[event]
	contains(pattern, fragment)
	has_alarm(filter)
}

has_alarm(filter) if tf.has_related(filter, "aws_cloudwatch_metric_alarm", "metric_name")

has_alarm(filter) if {
	some metric in tf.blocks(filter, "metric_transformation")
	some alarm in tf.resources("aws_cloudwatch_metric_alarm")
	tf.value(alarm, "metric_name") == metric.name
	tf.value(alarm, "namespace") == metric.namespace
}
