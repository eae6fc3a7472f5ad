package soc2scan.rules.aws.iam.inline_policies_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.iam.inline_policies

test_fail_inline_policies if {
	findings := inline_policies.deny with input as doc([
		{"id": "aws_iam_user_policy.u", "type": "aws_iam_user_policy", "values": {"policy": "{}"}},
		{"id": "aws_iam_role.r", "type": "aws_iam_role", "values": {"inline_policy": [{"name": "s3", "policy": "{\"Statement\":[]}"}]}},
	])
	findings == {
		{"resource": "aws_iam_user_policy.u", "message": "aws_iam_user_policy.u is an inline policy of an IAM user"},
		{"resource": "aws_iam_role.r", "message": "aws_iam_role.r has inline_policy blocks with a policy (s3)"},
	}
}

test_pass_managed_policies if {
	count(inline_policies.deny) == 0 with input as doc([
		{"id": "aws_iam_role.r", "type": "aws_iam_role", "values": {"inline_policy": [{}]}},
		{"id": "aws_iam_policy.p", "type": "aws_iam_policy", "values": {"policy": "{}"}},
	])
}

test_unknown_inline_policy_is_not_a_finding if {
	input_doc := doc([{"id": "aws_iam_role.r", "type": "aws_iam_role", "unknown": {"inline_policy": true}}])
	count(inline_policies.deny) == 0 with input as input_doc
	inline_policies.unknown == {{"resource": "aws_iam_role.r", "message": "inline_policy is known only after apply"}} with input as input_doc
}
