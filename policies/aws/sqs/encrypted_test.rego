package soc2scan.rules.aws.sqs.encrypted_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.sqs.encrypted

queue(name, values) := {"id": sprintf("aws_sqs_queue.%s", [name]), "type": "aws_sqs_queue", "values": values}

test_fail_unencrypted if {
	findings := encrypted.deny with input as doc([queue("a", {"kms_master_key_id": ""}), queue("b", {"sqs_managed_sse_enabled": false})])
	findings == {
		{"resource": "aws_sqs_queue.a", "message": "aws_sqs_queue.a declares no server-side encryption (neither kms_master_key_id nor sqs_managed_sse_enabled = true)"},
		{"resource": "aws_sqs_queue.b", "message": "aws_sqs_queue.b sets sqs_managed_sse_enabled = false and has no kms_master_key_id: its messages are not encrypted at rest"},
	}
}

test_pass_kms_or_sqs_managed if {
	count(encrypted.deny) == 0 with input as doc([queue("a", {"kms_master_key_id": "alias/aws/sqs"}), queue("b", {"sqs_managed_sse_enabled": true})])
}

test_unknown_key_is_not_a_finding if {
	d := doc([object.union(queue("a", {}), {"unknown": {"kms_master_key_id": true}})])
	count(encrypted.deny) == 0 with input as d
	encrypted.unknown == {{"resource": "aws_sqs_queue.a", "message": "kms_master_key_id is known only after apply"}} with input as d
}
