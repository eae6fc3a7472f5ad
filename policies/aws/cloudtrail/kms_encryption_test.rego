package soc2scan.rules.aws.cloudtrail.kms_encryption_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudtrail.kms_encryption

trail(values) := {"id": "aws_cloudtrail.main", "type": "aws_cloudtrail", "values": object.union({"name": "main", "s3_bucket_name": "logs"}, values)}

test_fail_no_key if {
	findings := kms_encryption.deny with input as doc([trail({})])
	findings == {{"resource": "aws_cloudtrail.main", "message": "aws_cloudtrail.main does not set kms_key_id: its log files are not encrypted with a customer-managed KMS key"}}
}

test_pass_key if {
	count(kms_encryption.deny) == 0 with input as doc([trail({"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1"})])
}

test_unknown_key_is_not_a_finding if {
	input_doc := doc([object.union(trail({}), {"unknown": {"kms_key_id": true}})])
	count(kms_encryption.deny) == 0 with input as input_doc
	kms_encryption.unknown == {{"resource": "aws_cloudtrail.main", "message": "kms_key_id is known only after apply"}} with input as input_doc
}
