package soc2scan.rules.aws.dynamodb.kms_encryption_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.dynamodb.kms_encryption

test_fail_absent_or_false if {
	findings := kms_encryption.deny with input as doc([
		{"id": "aws_dynamodb_table.a", "type": "aws_dynamodb_table"},
		{"id": "aws_dynamodb_table.b", "type": "aws_dynamodb_table", "values": {"server_side_encryption": [{"enabled": false}]}},
	])
	findings == {
		{"resource": "aws_dynamodb_table.a", "message": "aws_dynamodb_table.a does not set server_side_encryption.enabled (the default is false)"},
		{"resource": "aws_dynamodb_table.b", "message": "aws_dynamodb_table.b sets server_side_encryption.enabled = false"},
	}
}

test_pass_enabled if {
	count(kms_encryption.deny) == 0 with input as doc([
		{"id": "aws_dynamodb_table.a", "type": "aws_dynamodb_table", "values": {"server_side_encryption": [{"enabled": true}]}},
		{"id": "aws_dynamodb_table.b", "type": "aws_dynamodb_table", "values": {"server_side_encryption": [{"enabled": "true"}]}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_dynamodb_table.a", "type": "aws_dynamodb_table", "unknown": {"server_side_encryption": [{"enabled": true}]}}])
	count(kms_encryption.deny) == 0 with input as d
	kms_encryption.unknown == {{"resource": "aws_dynamodb_table.a", "message": "server_side_encryption.0.enabled is known only after apply"}} with input as d
}
