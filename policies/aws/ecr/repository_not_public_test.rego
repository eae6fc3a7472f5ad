package soc2scan.rules.aws.ecr.repository_not_public_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ecr.repository_not_public

policy(statement) := {
	"id": "aws_ecr_repository_policy.this",
	"type": "aws_ecr_repository_policy",
	"values": {"policy": json.marshal({"Version": "2012-10-17", "Statement": [statement]})},
}

test_fail_everyone if {
	findings := repository_not_public.deny with input as doc([policy({"Effect": "Allow", "Principal": "*", "Action": "ecr:*"})])
	findings == {{"resource": "aws_ecr_repository_policy.this", "message": "aws_ecr_repository_policy.this allows Principal \"*\" with no condition restricting who can use it (aws_ecr_repository_policy.this.policy)"}}
}

test_pass_account_or_org_condition if {
	count(repository_not_public.deny) == 0 with input as doc([policy({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "ecr:BatchGetImage"})])
	count(repository_not_public.deny) == 0 with input as doc([policy({"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})])
}

test_unknown_policy_is_not_a_finding if {
	d := doc([{"id": "aws_ecr_repository_policy.this", "type": "aws_ecr_repository_policy", "unknown": {"policy": true}}])
	count(repository_not_public.deny) == 0 with input as d
	repository_not_public.unknown == {{"resource": "aws_ecr_repository_policy.this", "message": "aws_ecr_repository_policy.this.policy is known only after apply"}} with input as d
}
