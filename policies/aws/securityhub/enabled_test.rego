package soc2scan.rules.aws.securityhub.enabled_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.securityhub.enabled

account(values) := {"id": "aws_securityhub_account.main", "type": "aws_securityhub_account", "values": values}

test_fail_no_standard if {
	findings := enabled.deny with input as doc([account({"enable_default_standards": false})])
	findings == {{"resource": "aws_securityhub_account.main", "message": "aws_securityhub_account.main has enable_default_standards = false and no aws_securityhub_standards_subscription is declared: no security standard is evaluated"}}
}

test_pass_default_or_subscription if {
	count(enabled.deny) == 0 with input as doc([account({})])
	count(enabled.deny) == 0 with input as doc([
		account({"enable_default_standards": false}),
		{"id": "aws_securityhub_standards_subscription.cis", "type": "aws_securityhub_standards_subscription", "values": {"standards_arn": "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0"}},
	])
}

test_unknown_default_standards_is_not_a_finding if {
	input_doc := doc([object.union(account({}), {"unknown": {"enable_default_standards": true}})])
	count(enabled.deny) == 0 with input as input_doc
	enabled.unknown == {{"resource": "aws_securityhub_account.main", "message": "enable_default_standards is known only after apply"}} with input as input_doc
}
