package soc2scan.rules.aws.sns.encrypted_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.sns.encrypted

test_fail_unencrypted if {
	findings := encrypted.deny with input as doc([
		{"id": "aws_sns_topic.a", "type": "aws_sns_topic"},
		{"id": "aws_sns_topic.b", "type": "aws_sns_topic", "values": {"kms_master_key_id": ""}},
	])
	findings == {
		{"resource": "aws_sns_topic.a", "message": "aws_sns_topic.a has no kms_master_key_id: its messages are not encrypted at rest"},
		{"resource": "aws_sns_topic.b", "message": "aws_sns_topic.b has no kms_master_key_id: its messages are not encrypted at rest"},
	}
}

test_pass_encrypted if {
	count(encrypted.deny) == 0 with input as doc([{"id": "aws_sns_topic.a", "type": "aws_sns_topic", "values": {"kms_master_key_id": "alias/aws/sns"}}])
}

test_unknown_key_is_not_a_finding if {
	d := doc([{"id": "aws_sns_topic.a", "type": "aws_sns_topic", "unknown": {"kms_master_key_id": true}}])
	count(encrypted.deny) == 0 with input as d
	encrypted.unknown == {{"resource": "aws_sns_topic.a", "message": "kms_master_key_id is known only after apply"}} with input as d
}
