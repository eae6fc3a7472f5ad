package soc2scan.rules.aws.secretsmanager.kms_key_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.secretsmanager.kms_key

test_fail_default_key if {
	findings := kms_key.deny with input as doc([{"id": "aws_secretsmanager_secret.db", "type": "aws_secretsmanager_secret"}])
	findings == {{"resource": "aws_secretsmanager_secret.db", "message": "aws_secretsmanager_secret.db has no kms_key_id: it is encrypted with the AWS managed key aws/secretsmanager"}}
}

test_pass_customer_key if {
	count(kms_key.deny) == 0 with input as doc([{"id": "aws_secretsmanager_secret.db", "type": "aws_secretsmanager_secret", "values": {"kms_key_id": "arn:aws:kms:eu-west-1:1:key/x"}}])
}

test_unknown_key_is_not_a_finding if {
	d := doc([{"id": "aws_secretsmanager_secret.db", "type": "aws_secretsmanager_secret", "unknown": {"kms_key_id": true}}])
	count(kms_key.deny) == 0 with input as d
	kms_key.unknown == {{"resource": "aws_secretsmanager_secret.db", "message": "kms_key_id is known only after apply"}} with input as d
}
