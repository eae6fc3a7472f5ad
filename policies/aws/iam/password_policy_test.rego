package soc2scan.rules.aws.iam.password_policy_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.iam.password_policy

strong := {
	"minimum_password_length": 14,
	"require_lowercase_characters": true,
	"require_uppercase_characters": true,
	"require_numbers": true,
	"require_symbols": true,
	"password_reuse_prevention": 24,
	"max_password_age": 90,
}

policy(values) := {"id": "aws_iam_account_password_policy.this", "type": "aws_iam_account_password_policy", "values": values}

test_fail_weak_values if {
	findings := password_policy.deny with input as doc([policy(object.union(strong, {"minimum_password_length": 8, "password_reuse_prevention": "5", "max_password_age": 180}))])
	findings == {{"resource": "aws_iam_account_password_policy.this", "message": "aws_iam_account_password_policy.this has minimum_password_length = 8, less than 14; has password_reuse_prevention = 5, less than 24; has max_password_age = 180, more than 90 days"}}
}

test_fail_defaults if {
	findings := password_policy.deny with input as doc([policy({"require_symbols": true})])
	findings == {{"resource": "aws_iam_account_password_policy.this", "message": "aws_iam_account_password_policy.this does not set minimum_password_length (the default is 8); does not set password_reuse_prevention (passwords may be reused); does not set max_password_age (passwords never expire); does not set require_lowercase_characters = true; does not set require_uppercase_characters = true; does not set require_numbers = true"}}
}

test_pass_strong if {
	count(password_policy.deny) == 0 with input as doc([policy(strong)])
}

test_unknown_length_is_not_a_finding if {
	input_doc := doc([object.union(policy(object.remove(strong, ["minimum_password_length"])), {"unknown": {"minimum_password_length": true}})])
	count(password_policy.deny) == 0 with input as input_doc
	password_policy.unknown == {{"resource": "aws_iam_account_password_policy.this", "message": "minimum_password_length is known only after apply"}} with input as input_doc
}

test_fail_only_reuse_and_age if {
	findings := password_policy.deny with input as doc([policy(object.remove(strong, ["password_reuse_prevention", "max_password_age"]))])
	findings == {{"resource": "aws_iam_account_password_policy.this", "message": "aws_iam_account_password_policy.this does not set password_reuse_prevention (passwords may be reused); does not set max_password_age (passwords never expire)"}}
}
