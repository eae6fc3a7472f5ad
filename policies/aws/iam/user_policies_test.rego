package soc2scan.rules.aws.iam.user_policies_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.iam.user_policies

test_fail_user_attachments if {
	findings := user_policies.deny with input as doc([
		{"id": "aws_iam_user_policy_attachment.a", "type": "aws_iam_user_policy_attachment", "values": {"user": "alice", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}},
		{"id": "aws_iam_policy_attachment.b", "type": "aws_iam_policy_attachment", "values": {"users": ["bob"], "groups": ["ops"]}},
	])
	findings == {
		{"resource": "aws_iam_user_policy_attachment.a", "message": "aws_iam_user_policy_attachment.a attaches a managed policy directly to an IAM user"},
		{"resource": "aws_iam_policy_attachment.b", "message": "aws_iam_policy_attachment.b attaches its policy to users"},
	}
}

test_pass_groups_and_roles if {
	count(user_policies.deny) == 0 with input as doc([{"id": "aws_iam_policy_attachment.b", "type": "aws_iam_policy_attachment", "values": {"groups": ["ops"], "roles": ["app"]}}])
}

test_unknown_users_are_not_a_finding if {
	input_doc := doc([{"id": "aws_iam_policy_attachment.b", "type": "aws_iam_policy_attachment", "values": {"groups": ["ops"]}, "unknown": {"users": true}}])
	count(user_policies.deny) == 0 with input as input_doc
	user_policies.unknown == {{"resource": "aws_iam_policy_attachment.b", "message": "users is known only after apply"}} with input as input_doc
}

test_fail_users_known_after_apply if {
	findings := user_policies.deny with input as doc([{"id": "aws_iam_policy_attachment.b", "type": "aws_iam_policy_attachment", "values": {"users": [null]}, "unknown": {"users": [true]}}])
	{f.resource | some f in findings} == {"aws_iam_policy_attachment.b"}
}
