package soc2scan.rules.aws.s3.tls_only_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.s3.tls_only

bucket(name) := {"id": sprintf("aws_s3_bucket.%s", [name]), "type": "aws_s3_bucket"}

policy(name, statements) := {
	"id": sprintf("aws_s3_bucket_policy.%s", [name]),
	"type": "aws_s3_bucket_policy",
	"values": {"policy": json.marshal({"Version": "2012-10-17", "Statement": statements})},
	"refs": {"bucket": [sprintf("aws_s3_bucket.%s", [name])]},
}

tls_deny := {
	"Sid": "DenyInsecureTransport",
	"Effect": "Deny",
	"Principal": "*",
	"Action": "s3:*",
	"Resource": ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"],
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

public_read := {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::logs/*"}

test_fail_bucket_without_policy if {
	findings := tls_only.deny with input as doc([bucket("logs")])
	findings == {{
		"resource": "aws_s3_bucket.logs",
		"message": "aws_s3_bucket.logs has no aws_s3_bucket_policy; nothing denies requests where aws:SecureTransport is false",
	}}
}

test_fail_policy_without_tls_deny if {
	findings := tls_only.deny with input as doc([bucket("logs"), policy("logs", [public_read])])
	findings == {{
		"resource": "aws_s3_bucket.logs",
		"message": "aws_s3_bucket.logs has a bucket policy (aws_s3_bucket_policy.logs) with no Deny of s3:* for all principals where aws:SecureTransport is false",
	}}
}

test_fail_tls_deny_of_another_bucket if {
	findings := tls_only.deny with input as doc([bucket("logs"), bucket("data"), policy("data", [tls_deny])])
	{f.resource | some f in findings} == {"aws_s3_bucket.logs"}
}

test_fail_tls_deny_of_some_actions_only if {
	findings := tls_only.deny with input as doc([
		bucket("logs"),
		policy("logs", [object.union(tls_deny, {"Action": ["s3:GetObject", "s3:PutObject"]})]),
	])
	{f.resource | some f in findings} == {"aws_s3_bucket.logs"}
}

test_fail_tls_deny_for_one_principal_only if {
	findings := tls_only.deny with input as doc([
		bucket("logs"),
		policy("logs", [object.union(tls_deny, {"Principal": {"AWS": "arn:aws:iam::111122223333:root"}})]),
	])
	{f.resource | some f in findings} == {"aws_s3_bucket.logs"}
}

test_fail_secure_transport_true_is_not_the_deny if {
	findings := tls_only.deny with input as doc([
		bucket("logs"),
		policy("logs", [object.union(tls_deny, {"Condition": {"Bool": {"aws:SecureTransport": "true"}}})]),
	])
	{f.resource | some f in findings} == {"aws_s3_bucket.logs"}
}

test_fail_allow_with_secure_transport_is_not_the_deny if {
	findings := tls_only.deny with input as doc([
		bucket("logs"),
		policy("logs", [object.union(tls_deny, {"Effect": "Allow"})]),
	])
	{f.resource | some f in findings} == {"aws_s3_bucket.logs"}
}

test_pass_tls_deny if {
	count(tls_only.deny) == 0 with input as doc([bucket("logs"), policy("logs", [public_read, tls_deny])])
}

test_pass_tls_deny_list_forms_boolean_and_key_case if {
	statement := object.union(tls_deny, {
		"Principal": {"AWS": ["*"]},
		"Action": ["*"],
		"Condition": {"BoolIfExists": {"AWS:SecureTransport": false}},
	})
	count(tls_only.deny) == 0 with input as doc([bucket("logs"), policy("logs", [statement])])
}

test_pass_tls_deny_as_single_statement_object if {
	p := object.union(policy("logs", []), {"values": {"policy": json.marshal({"Statement": tls_deny})}})
	count(tls_only.deny) == 0 with input as doc([bucket("logs"), p])
}

policy_document(statements, unknown) := {
	"id": "data.aws_iam_policy_document.tls",
	"type": "aws_iam_policy_document",
	"mode": "data",
	"values": {"statement": statements},
	"unknown": unknown,
}

policy_from_document := {
	"id": "aws_s3_bucket_policy.logs",
	"type": "aws_s3_bucket_policy",
	"unknown": {"policy": true},
	"refs": {"bucket": ["aws_s3_bucket.logs"], "policy": ["data.aws_iam_policy_document.tls"]},
}

tls_block := {
	"effect": "Deny",
	"actions": ["s3:*"],
	"resources": ["arn:aws:s3:::logs/*"],
	"principals": [{"type": "*", "identifiers": ["*"]}],
	"condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
}

test_pass_tls_deny_in_policy_document if {
	count(tls_only.deny) == 0 with input as doc([bucket("logs"), policy_from_document, policy_document([tls_block], {})])
}

test_fail_policy_document_without_tls_deny if {
	findings := tls_only.deny with input as doc([
		bucket("logs"),
		policy_from_document,
		policy_document([object.union(tls_block, {"effect": "Allow"})], {}),
	])
	{f.resource | some f in findings} == {"aws_s3_bucket.logs"}
}

test_unknown_policy_without_document if {
	p := object.union(policy_from_document, {"refs": {"bucket": ["aws_s3_bucket.logs"]}})
	input_doc := doc([bucket("logs"), p])
	count(tls_only.deny) == 0 with input as input_doc
	tls_only.unknown == {{
		"resource": "aws_s3_bucket.logs",
		"message": "aws_s3_bucket_policy.logs.policy is known only after apply",
	}} with input as input_doc
}

test_unknown_condition_in_policy_document if {
	block := object.remove(tls_block, ["condition"])
	input_doc := doc([bucket("logs"), policy_from_document, policy_document([block], {"statement": [{"condition": true}]})])
	count(tls_only.deny) == 0 with input as input_doc
	tls_only.unknown == {{
		"resource": "aws_s3_bucket.logs",
		"message": "a statement of data.aws_iam_policy_document.tls has values known only after apply",
	}} with input as input_doc
}

test_pass_unknown_resources_do_not_matter if {
	block := object.remove(tls_block, ["resources"])
	input_doc := doc([bucket("logs"), policy_from_document, policy_document([block], {"statement": [{"resources": true}]})])
	count(tls_only.deny) == 0 with input as input_doc
	count(tls_only.unknown) == 0 with input as input_doc
}

test_pass_inline_policy_of_provider_v3 if {
	count(tls_only.deny) == 0 with input as doc([{
		"id": "aws_s3_bucket.logs",
		"type": "aws_s3_bucket",
		"values": {"policy": json.marshal({"Statement": [tls_deny]})},
	}])
}

test_fail_inline_policy_without_tls_deny if {
	findings := tls_only.deny with input as doc([{
		"id": "aws_s3_bucket.logs",
		"type": "aws_s3_bucket",
		"values": {"policy": json.marshal({"Statement": [public_read]})},
	}])
	findings == {{"resource": "aws_s3_bucket.logs", "message": "aws_s3_bucket.logs has a policy with no Deny of s3:* for all principals where aws:SecureTransport is false"}}
}

test_fail_computed_inline_policy_is_not_a_policy if {
	findings := tls_only.deny with input as doc([object.union(bucket("logs"), {"unknown": {"policy": true}})])
	{f.resource | some f in findings} == {"aws_s3_bucket.logs"}
}
