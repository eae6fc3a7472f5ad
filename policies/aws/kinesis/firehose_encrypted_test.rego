package soc2scan.rules.aws.kinesis.firehose_encrypted_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.kinesis.firehose_encrypted

stream(name, values) := {"id": sprintf("aws_kinesis_firehose_delivery_stream.%s", [name]), "type": "aws_kinesis_firehose_delivery_stream", "values": values}

test_fail_unencrypted_or_invalid if {
	findings := firehose_encrypted.deny with input as doc([
		stream("a", {}),
		stream("b", {"server_side_encryption": [{"enabled": true, "key_type": "AWS_OWN"}]}),
		stream("c", {"server_side_encryption": [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK"}]}),
	])
	findings == {
		{"resource": "aws_kinesis_firehose_delivery_stream.a", "message": "aws_kinesis_firehose_delivery_stream.a does not set server_side_encryption.enabled (the default is false)"},
		{"resource": "aws_kinesis_firehose_delivery_stream.b", "message": "aws_kinesis_firehose_delivery_stream.b has server_side_encryption.key_type = \"AWS_OWN\", not a valid key type"},
		{"resource": "aws_kinesis_firehose_delivery_stream.c", "message": "aws_kinesis_firehose_delivery_stream.c sets server_side_encryption.key_type = \"CUSTOMER_MANAGED_CMK\" without a key_arn"},
	}
}

test_pass_encrypted_or_stream_source if {
	count(firehose_encrypted.deny) == 0 with input as doc([
		stream("a", {"server_side_encryption": [{"enabled": true, "key_type": "AWS_OWNED_CMK"}]}),
		stream("b", {"server_side_encryption": [{"enabled": true}]}),
		stream("c", {"kinesis_source_configuration": [{"kinesis_stream_arn": "arn"}]}),
	])
}

test_unknown_is_not_a_finding if {
	d := doc([object.union(stream("a", {}), {"unknown": {"server_side_encryption": true}})])
	count(firehose_encrypted.deny) == 0 with input as d
	firehose_encrypted.unknown == {{"resource": "aws_kinesis_firehose_delivery_stream.a", "message": "server_side_encryption is known only after apply"}} with input as d
}
