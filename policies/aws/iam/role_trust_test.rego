package soc2scan.rules.aws.iam.role_trust_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.iam.role_trust

role(name, statement) := {
	"id": sprintf("aws_iam_role.%s", [name]),
	"type": "aws_iam_role",
	"values": {"assume_role_policy": json.marshal({"Version": "2012-10-17", "Statement": [statement]})},
}

test_fail_anyone if {
	findings := role_trust.deny with input as doc([
		role("open", {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}),
		role("star", {"Effect": "Allow", "Principal": "*", "Action": "sts:*"}),
	])
	{f.resource | some f in findings} == {"aws_iam_role.open", "aws_iam_role.star"}
	{"resource": "aws_iam_role.open", "message": "aws_iam_role.open has an assume_role_policy statement that lets any principal (\"*\") assume the role without a condition on the caller"} in findings
}

test_pass_named_or_conditioned if {
	count(role_trust.deny) == 0 with input as doc([
		role("svc", {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}),
		role("org", {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-123"}}}),
		role("acct", {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}),
	])
}

test_unknown_trust_policy_is_not_a_finding if {
	input_doc := doc([{"id": "aws_iam_role.r", "type": "aws_iam_role", "unknown": {"assume_role_policy": true}}])
	count(role_trust.deny) == 0 with input as input_doc
	role_trust.unknown == {{"resource": "aws_iam_role.r", "message": "aws_iam_role.r.assume_role_policy is known only after apply"}} with input as input_doc
}
