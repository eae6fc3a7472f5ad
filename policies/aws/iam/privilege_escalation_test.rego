package soc2scan.rules.aws.iam.privilege_escalation_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.iam.privilege_escalation

policy(name, statements) := {
	"id": sprintf("aws_iam_policy.%s", [name]),
	"type": "aws_iam_policy",
	"values": {"policy": json.marshal({"Version": "2012-10-17", "Statement": statements})},
}

test_fail_pass_role_and_wildcards if {
	findings := privilege_escalation.deny with input as doc([
		policy("deploy", [{"Effect": "Allow", "Action": ["iam:PassRole", "ec2:RunInstances"], "Resource": "*"}]),
		policy("iam", [{"Effect": "Allow", "Action": "iam:Attach*", "Resource": "arn:aws:iam::1:role/app"}]),
	])
	findings == {
		{"resource": "aws_iam_policy.deploy", "message": "aws_iam_policy.deploy allows iam:PassRole on Resource \"*\""},
		{"resource": "aws_iam_policy.iam", "message": "aws_iam_policy.iam allows iam:AttachGroupPolicy, iam:AttachRolePolicy, iam:AttachUserPolicy"},
	}
}

test_fail_cloudtrail_star if {
	findings := privilege_escalation.deny with input as doc([policy("ct", [{"Effect": "Allow", "Action": "cloudtrail:*", "Resource": "*"}])])
	findings == {{"resource": "aws_iam_policy.ct", "message": "aws_iam_policy.ct allows cloudtrail:DeleteTrail, cloudtrail:PutEventSelectors, cloudtrail:StopLogging, cloudtrail:UpdateTrail"}}
}

test_pass_scoped_and_denied if {
	count(privilege_escalation.deny) == 0 with input as doc([
		policy("pass", [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::1:role/app"}]),
		policy("deny", [{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]),
		policy("read", [{"Effect": "Allow", "Action": ["iam:Get*", "iam:List*", "cloudtrail:Describe*"], "Resource": "*"}]),
		policy("admin", [{"Effect": "Allow", "Action": "*", "Resource": "*"}]),
	])
}

test_unknown_policy_is_not_a_finding if {
	input_doc := doc([{"id": "aws_iam_policy.p", "type": "aws_iam_policy", "unknown": {"policy": true}}])
	count(privilege_escalation.deny) == 0 with input as input_doc
	privilege_escalation.unknown == {{"resource": "aws_iam_policy.p", "message": "aws_iam_policy.p.policy is known only after apply"}} with input as input_doc
}
