package soc2scan.rules.aws.sns.policy_not_public_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.sns.policy_not_public

policy(name, statement) := {
	"id": sprintf("aws_sns_topic_policy.%s", [name]),
	"type": "aws_sns_topic_policy",
	"values": {"policy": json.marshal({"Version": "2012-10-17", "Statement": [statement]})},
}

test_fail_everyone if {
	findings := policy_not_public.deny with input as doc([
		policy("a", {"Effect": "Allow", "Principal": "*", "Action": "sns:Publish"}),
		policy("b", {"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "sns:Publish", "Condition": {"StringNotEquals": {"aws:SourceAccount": "111122223333"}}}),
		policy("c", {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sns:Publish", "Condition": {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}}),
	])
	findings == {
		{"resource": "aws_sns_topic_policy.a", "message": "aws_sns_topic_policy.a allows Principal \"*\" with no condition restricting who can use it (aws_sns_topic_policy.a.policy)"},
		{"resource": "aws_sns_topic_policy.b", "message": "aws_sns_topic_policy.b allows Principal \"*\" with no condition restricting who can use it (aws_sns_topic_policy.b.policy)"},
		{"resource": "aws_sns_topic_policy.c", "message": "aws_sns_topic_policy.c allows Principal \"*\" with no condition restricting who can use it (aws_sns_topic_policy.c.policy)"},
	}
}

test_fail_inline_policy_from_document if {
	d := {"id": "data.aws_iam_policy_document.open", "type": "aws_iam_policy_document", "mode": "data", "values": {"statement": [{"actions": ["sns:Publish"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]}}
	r := {"id": "aws_sns_topic.x", "type": "aws_sns_topic", "unknown": {"policy": true}, "refs": {"policy": ["data.aws_iam_policy_document.open"]}}
	{f.resource | some f in policy_not_public.deny} == {"aws_sns_topic.x"} with input as doc([d, r])
}

test_pass_restricted if {
	count(policy_not_public.deny) == 0 with input as doc([
		policy("a", {"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish"}),
		policy("b", {"Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:s3:::uploads"}}}),
		policy("c", {"Effect": "Deny", "Principal": "*", "Action": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}),
		policy("d", {"Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}),
	])
}

test_unknown_policy_is_not_a_finding if {
	d := doc([{"id": "aws_sns_topic_policy.a", "type": "aws_sns_topic_policy", "unknown": {"policy": true}}])
	count(policy_not_public.deny) == 0 with input as d
	policy_not_public.unknown == {{"resource": "aws_sns_topic_policy.a", "message": "aws_sns_topic_policy.a.policy is known only after apply"}} with input as d
}
