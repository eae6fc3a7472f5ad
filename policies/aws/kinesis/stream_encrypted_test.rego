package soc2scan.rules.aws.kinesis.stream_encrypted_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.kinesis.stream_encrypted

stream(name, values) := {"id": sprintf("aws_kinesis_stream.%s", [name]), "type": "aws_kinesis_stream", "values": values}

test_fail_unencrypted if {
	findings := stream_encrypted.deny with input as doc([stream("a", {}), stream("b", {"encryption_type": "NONE"}), stream("c", {"encryption_type": "KMS"})])
	findings == {
		{"resource": "aws_kinesis_stream.a", "message": "aws_kinesis_stream.a does not set encryption_type; the default NONE leaves records unencrypted"},
		{"resource": "aws_kinesis_stream.b", "message": "aws_kinesis_stream.b has encryption_type = \"NONE\", not \"KMS\""},
		{"resource": "aws_kinesis_stream.c", "message": "aws_kinesis_stream.c sets encryption_type = \"KMS\" without a kms_key_id"},
	}
}

test_pass_kms if {
	count(stream_encrypted.deny) == 0 with input as doc([stream("a", {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"})])
}

test_unknown_key_is_not_a_finding if {
	d := doc([object.union(stream("a", {"encryption_type": "KMS"}), {"unknown": {"kms_key_id": true}})])
	count(stream_encrypted.deny) == 0 with input as d
	stream_encrypted.unknown == {{"resource": "aws_kinesis_stream.a", "message": "kms_key_id is known only after apply"}} with input as d
}
