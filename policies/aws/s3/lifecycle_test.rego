package soc2scan.rules.aws.s3.lifecycle_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.s3.lifecycle

config(rules) := {"id": "aws_s3_bucket_lifecycle_configuration.logs", "type": "aws_s3_bucket_lifecycle_configuration", "values": {"rule": rules}}

test_fail_disabled_or_abort_only if {
	findings := lifecycle.deny with input as doc([config([
		{"id": "expire", "status": "Disabled", "expiration": [{"days": 365}]},
		{"id": "abort", "status": "Enabled", "abort_incomplete_multipart_upload": [{"days_after_initiation": 7}]},
	])])
	findings == {{"resource": "aws_s3_bucket_lifecycle_configuration.logs", "message": "aws_s3_bucket_lifecycle_configuration.logs has no enabled rule that expires or transitions objects"}}
}

test_pass_expiration if {
	count(lifecycle.deny) == 0 with input as doc([config([{"id": "expire", "status": "Enabled", "expiration": [{"days": 365}]}])])
}

test_unknown_rules_are_not_a_finding if {
	input_doc := doc([{"id": "aws_s3_bucket_lifecycle_configuration.logs", "type": "aws_s3_bucket_lifecycle_configuration", "unknown": {"rule": true}}])
	count(lifecycle.deny) == 0 with input as input_doc
	lifecycle.unknown == {{"resource": "aws_s3_bucket_lifecycle_configuration.logs", "message": "rule is known only after apply"}} with input as input_doc
}
