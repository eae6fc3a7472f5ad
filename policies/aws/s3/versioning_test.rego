package soc2scan.rules.aws.s3.versioning_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.s3.versioning

bucket(name) := {"id": sprintf("aws_s3_bucket.%s", [name]), "type": "aws_s3_bucket"}

config(name, status) := {
	"id": sprintf("aws_s3_bucket_versioning.%s", [name]),
	"type": "aws_s3_bucket_versioning",
	"values": {"versioning_configuration": [{"status": status}]},
	"refs": {"bucket": [sprintf("aws_s3_bucket.%s", [name])]},
}

test_fail_bucket_without_versioning if {
	findings := versioning.deny with input as doc([bucket("logs")])
	findings == {{
		"resource": "aws_s3_bucket.logs",
		"message": "aws_s3_bucket.logs has no aws_s3_bucket_versioning with versioning_configuration.status = \"Enabled\" and no inline versioning with enabled = true",
	}}
}

test_fail_suspended if {
	findings := versioning.deny with input as doc([bucket("logs"), config("logs", "Suspended")])
	findings == {{
		"resource": "aws_s3_bucket.logs",
		"message": "aws_s3_bucket.logs has aws_s3_bucket_versioning.logs with versioning_configuration.status = \"Suspended\"",
	}}
}

test_fail_versioning_of_another_bucket if {
	findings := versioning.deny with input as doc([bucket("logs"), bucket("data"), config("data", "Enabled")])
	{f.resource | some f in findings} == {"aws_s3_bucket.logs"}
}

test_fail_inline_disabled if {
	b := object.union(bucket("logs"), {"values": {"versioning": [{"enabled": false, "mfa_delete": false}]}})
	{f.resource | some f in versioning.deny} == {"aws_s3_bucket.logs"} with input as doc([b])
}

test_fail_separate_resource_decides_over_inline_state if {
	b := object.union(bucket("logs"), {"values": {"versioning": [{"enabled": true}]}})
	{f.resource | some f in versioning.deny} == {"aws_s3_bucket.logs"} with input as doc([b, config("logs", "Suspended")])
}

test_pass_enabled if {
	count(versioning.deny) == 0 with input as doc([bucket("logs"), config("logs", "Enabled")])
}

test_pass_inline_enabled if {
	b := object.union(bucket("logs"), {"values": {"versioning": [{"enabled": true}]}})
	count(versioning.deny) == 0 with input as doc([b])
}

test_unknown_status_is_not_a_finding if {
	c := object.union(config("logs", null), {"values": {"versioning_configuration": [{}]}, "unknown": {"versioning_configuration": [{"status": true}]}})
	input_doc := doc([bucket("logs"), c])
	count(versioning.deny) == 0 with input as input_doc
	versioning.unknown == {{
		"resource": "aws_s3_bucket.logs",
		"message": "aws_s3_bucket_versioning.logs.versioning_configuration.status is known only after apply",
	}} with input as input_doc
}

test_unknown_inline_block_is_not_a_finding if {
	input_doc := doc([object.union(bucket("logs"), {"unknown": {"versioning": true}})])
	count(versioning.deny) == 0 with input as input_doc
	versioning.unknown == {{"resource": "aws_s3_bucket.logs", "message": "versioning is known only after apply"}} with input as input_doc
}

test_pass_separate_resource_ignores_unknown_inline_block if {
	input_doc := doc([object.union(bucket("logs"), {"unknown": {"versioning": true}}), config("logs", "Enabled")])
	count(versioning.deny) == 0 with input as input_doc
	count(versioning.unknown) == 0 with input as input_doc
}

test_fail_versioning_of_a_bucket_declared_elsewhere if {
	findings := versioning.deny with input as doc([{
		"id": "aws_s3_bucket_versioning.ext",
		"type": "aws_s3_bucket_versioning",
		"values": {"bucket": "shared", "versioning_configuration": [{"status": "Suspended"}]},
	}])
	findings == {{"resource": "aws_s3_bucket_versioning.ext", "message": "aws_s3_bucket_versioning.ext (for a bucket not declared here) has versioning_configuration.status = \"Suspended\""}}
}
