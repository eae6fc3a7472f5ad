package soc2scan.rules.aws.s3.access_logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.s3.access_logging

bucket(name) := {"id": sprintf("aws_s3_bucket.%s", [name]), "type": "aws_s3_bucket"}

logging(name, target) := {
	"id": sprintf("aws_s3_bucket_logging.%s", [name]),
	"type": "aws_s3_bucket_logging",
	"values": {"target_prefix": "log/"},
	"refs": {"bucket": [sprintf("aws_s3_bucket.%s", [name])], "target_bucket": [sprintf("aws_s3_bucket.%s", [target])]},
}

test_fail_no_logging if {
	findings := access_logging.deny with input as doc([bucket("data")])
	findings == {{"resource": "aws_s3_bucket.data", "message": "aws_s3_bucket.data has no aws_s3_bucket_logging and no inline logging block with a target_bucket"}}
}

test_pass_logging_resource_and_log_bucket if {
	count(access_logging.deny) == 0 with input as doc([bucket("data"), bucket("logs"), logging("data", "logs")])
}

test_pass_inline_logging if {
	count(access_logging.deny) == 0 with input as doc([object.union(bucket("data"), {"values": {"logging": [{"target_bucket": "logs"}]}})])
}

test_unknown_inline_logging_is_not_a_finding if {
	input_doc := doc([object.union(bucket("data"), {"unknown": {"logging": true}, "refs": {"logging.target_bucket": ["aws_s3_bucket.logs"]}})])
	count(access_logging.deny) == 0 with input as input_doc
	access_logging.unknown == {{"resource": "aws_s3_bucket.data", "message": "logging is known only after apply"}} with input as input_doc
}

test_fail_computed_inline_logging_of_a_plan if {
	findings := access_logging.deny with input as doc([object.union(bucket("data"), {"unknown": {"logging": true}})])
	{f.resource | some f in findings} == {"aws_s3_bucket.data"}
}
