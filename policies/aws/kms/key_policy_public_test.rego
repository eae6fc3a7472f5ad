package soc2scan.rules.aws.kms.key_policy_public_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.kms.key_policy_public

key(name, statements) := {
	"id": sprintf("aws_kms_key.%s", [name]),
	"type": "aws_kms_key",
	"values": {"policy": json.marshal({"Version": "2012-10-17", "Statement": statements})},
}

test_fail_everyone if {
	findings := key_policy_public.deny with input as doc([key("open", [{"Sid": "All", "Effect": "Allow", "Principal": "*", "Action": "kms:*", "Resource": "*"}])])
	findings == {{"resource": "aws_kms_key.open", "message": "aws_kms_key.open has a key policy statement (All) that allows kms:* to Principal \"*\" without a condition on the caller"}}
}

test_pass_named_conditioned_and_default if {
	count(key_policy_public.deny) == 0 with input as doc([
		key("root", [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]),
		key("org", [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}]),
		{"id": "aws_kms_key.default", "type": "aws_kms_key", "values": {"description": "default policy"}},
	])
}

test_unknown_policy_is_not_a_finding if {
	input_doc := doc([{"id": "aws_kms_key.k", "type": "aws_kms_key", "unknown": {"policy": true}}])
	count(key_policy_public.deny) == 0 with input as input_doc
	key_policy_public.unknown == {{"resource": "aws_kms_key.k", "message": "aws_kms_key.k.policy is known only after apply"}} with input as input_doc
}
