package soc2scan.rules.aws.s3.public_access_block_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.s3.public_access_block

bucket(name) := {"id": sprintf("aws_s3_bucket.%s", [name]), "type": "aws_s3_bucket"}

all_flags := {
	"block_public_acls": true,
	"block_public_policy": true,
	"ignore_public_acls": true,
	"restrict_public_buckets": true,
}

block(name, values) := {
	"id": sprintf("aws_s3_bucket_public_access_block.%s", [name]),
	"type": "aws_s3_bucket_public_access_block",
	"values": values,
	"refs": {"bucket": [sprintf("aws_s3_bucket.%s", [name])]},
}

account(values) := {
	"id": "aws_s3_account_public_access_block.this",
	"type": "aws_s3_account_public_access_block",
	"values": values,
}

test_fail_bucket_without_block if {
	findings := public_access_block.deny with input as doc([bucket("logs")])
	findings == {{
		"resource": "aws_s3_bucket.logs",
		"message": "aws_s3_bucket.logs has no aws_s3_bucket_public_access_block, and no aws_s3_account_public_access_block",
	}}
}

test_fail_block_names_false_and_missing_flags if {
	findings := public_access_block.deny with input as doc([
		bucket("assets"),
		block("assets", {"block_public_acls": true, "block_public_policy": false, "ignore_public_acls": true}),
	])
	findings == {{
		"resource": "aws_s3_bucket.assets",
		"message": "aws_s3_bucket.assets has aws_s3_bucket_public_access_block.assets with block_public_policy = false, restrict_public_buckets not set (defaults to false), and no aws_s3_account_public_access_block",
	}}
}

test_fail_block_of_another_bucket if {
	findings := public_access_block.deny with input as doc([bucket("logs"), bucket("data"), block("data", all_flags)])
	{f.resource | some f in findings} == {"aws_s3_bucket.logs"}
}

test_fail_incomplete_account_block_is_named if {
	findings := public_access_block.deny with input as doc([
		bucket("logs"),
		account(object.union(all_flags, {"restrict_public_buckets": false})),
	])
	findings == {{
		"resource": "aws_s3_bucket.logs",
		"message": "aws_s3_bucket.logs has no aws_s3_bucket_public_access_block, and aws_s3_account_public_access_block.this has restrict_public_buckets = false",
	}}
}

test_pass_bucket_block if {
	count(public_access_block.deny) == 0 with input as doc([bucket("logs"), block("logs", all_flags)])
}

test_pass_account_block if {
	count(public_access_block.deny) == 0 with input as doc([bucket("logs"), bucket("data"), account(all_flags)])
}

test_pass_account_block_covers_incomplete_bucket_block if {
	count(public_access_block.deny) == 0 with input as doc([
		bucket("logs"),
		block("logs", {"block_public_acls": false}),
		account(all_flags),
	])
}

test_unknown_flag_is_not_a_finding if {
	input_doc := doc([
		bucket("logs"),
		object.union(block("logs", object.remove(all_flags, ["ignore_public_acls"])), {"unknown": {"ignore_public_acls": true}}),
	])
	count(public_access_block.deny) == 0 with input as input_doc
	public_access_block.unknown == {{
		"resource": "aws_s3_bucket.logs",
		"message": "aws_s3_bucket_public_access_block.logs.ignore_public_acls is known only after apply",
	}} with input as input_doc
}

test_fail_unknown_flag_beside_false_flag if {
	input_doc := doc([
		bucket("logs"),
		object.union(
			block("logs", {"block_public_acls": false, "block_public_policy": true, "restrict_public_buckets": true}),
			{"unknown": {"ignore_public_acls": true}},
		),
	])
	{f.resource | some f in public_access_block.deny} == {"aws_s3_bucket.logs"} with input as input_doc
	count(public_access_block.unknown) == 0 with input as input_doc
}

test_fail_block_of_a_bucket_declared_elsewhere if {
	findings := public_access_block.deny with input as doc([{
		"id": "aws_s3_bucket_public_access_block.ext",
		"type": "aws_s3_bucket_public_access_block",
		"values": {"bucket": "shared-bucket", "block_public_acls": false, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true},
	}])
	findings == {{
		"resource": "aws_s3_bucket_public_access_block.ext",
		"message": "aws_s3_bucket_public_access_block.ext (for a bucket not declared here) has block_public_acls = false, and no aws_s3_account_public_access_block",
	}}
}

test_pass_block_of_a_bucket_declared_elsewhere if {
	count(public_access_block.deny) == 0 with input as doc([{
		"id": "aws_s3_bucket_public_access_block.ext",
		"type": "aws_s3_bucket_public_access_block",
		"values": object.union(all_flags, {"bucket": "shared-bucket"}),
	}])
}
