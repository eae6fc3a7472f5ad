package soc2scan.rules.aws.cloudwatch.log_group_kms_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudwatch.log_group_kms

group(values) := {"id": "aws_cloudwatch_log_group.app", "type": "aws_cloudwatch_log_group", "values": values}

test_fail_no_key if {
	findings := log_group_kms.deny with input as doc([group({"retention_in_days": 365})])
	findings == {{"resource": "aws_cloudwatch_log_group.app", "message": "aws_cloudwatch_log_group.app does not set kms_key_id: its logs are not encrypted with a customer-managed KMS key"}}
}

test_pass_key if {
	count(log_group_kms.deny) == 0 with input as doc([group({"kms_key_id": "arn:aws:kms:eu-west-1:1:key/1"})])
}

test_unknown_key_is_not_a_finding if {
	input_doc := doc([object.union(group({}), {"unknown": {"kms_key_id": true}})])
	count(log_group_kms.deny) == 0 with input as input_doc
	log_group_kms.unknown == {{"resource": "aws_cloudwatch_log_group.app", "message": "kms_key_id is known only after apply"}} with input as input_doc
}
