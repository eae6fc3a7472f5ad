package soc2scan.rules.aws.s3.encryption_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.s3.encryption

sse(bucket, algorithm) := {
	"id": "aws_s3_bucket_server_side_encryption_configuration.this",
	"type": "aws_s3_bucket_server_side_encryption_configuration",
	"values": {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": algorithm}]}]},
	"refs": {"bucket": [bucket]},
}

test_fail_bucket_without_encryption if {
	findings := encryption.deny with input as doc([{"id": "aws_s3_bucket.logs", "type": "aws_s3_bucket"}])
	findings == {{"resource": "aws_s3_bucket.logs", "message": "aws_s3_bucket.logs has no default server-side encryption configuration"}}
}

test_fail_encryption_configuration_of_another_bucket if {
	findings := encryption.deny with input as doc([
		{"id": "aws_s3_bucket.logs", "type": "aws_s3_bucket"},
		{"id": "aws_s3_bucket.data", "type": "aws_s3_bucket"},
		sse("aws_s3_bucket.data", "aws:kms"),
	])
	{f.resource | some f in findings} == {"aws_s3_bucket.logs"}
}

test_pass_separate_configuration if {
	count(encryption.deny) == 0 with input as doc([
		{"id": "aws_s3_bucket.logs", "type": "aws_s3_bucket"},
		sse("aws_s3_bucket.logs", "AES256"),
	])
}

test_pass_inline_block if {
	count(encryption.deny) == 0 with input as doc([{
		"id": "aws_s3_bucket.logs",
		"type": "aws_s3_bucket",
		"values": {"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}]},
	}])
}

test_unknown_inline_block_is_not_a_finding if {
	input_doc := doc([{
		"id": "aws_s3_bucket.logs",
		"type": "aws_s3_bucket",
		"unknown": {"server_side_encryption_configuration": true},
	}])
	count(encryption.deny) == 0 with input as input_doc
	encryption.unknown == {{"resource": "aws_s3_bucket.logs", "message": "server_side_encryption_configuration is known only after apply"}} with input as input_doc
}

test_fail_unsupported_algorithm if {
	count(encryption.deny) == 1 with input as doc([
		{"id": "aws_s3_bucket.logs", "type": "aws_s3_bucket"},
		sse("aws_s3_bucket.logs", "none"),
	])
}
