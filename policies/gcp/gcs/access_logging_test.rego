package soc2scan.rules.gcp.gcs.access_logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gcs.access_logging

bucket(name, values) := {"id": sprintf("google_storage_bucket.%s", [name]), "type": "google_storage_bucket", "values": values}

test_fail_no_logging if {
	findings := access_logging.deny with input as doc([bucket("a", {}), bucket("b", {"logging": [{"log_bucket": ""}]})])
	findings == {
		{"resource": "google_storage_bucket.a", "message": "google_storage_bucket.a has no logging block with a log_bucket"},
		{"resource": "google_storage_bucket.b", "message": "google_storage_bucket.b has no logging block with a log_bucket"},
	}
}

test_pass_logging_and_log_bucket if {
	count(access_logging.deny) == 0 with input as doc([
		bucket("logs", {"name": "logs"}),
		object.union(bucket("data", {"logging": [{"log_bucket": "logs"}]}), {"refs": {"logging.log_bucket": ["google_storage_bucket.logs"]}}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(bucket("a", {}), {"unknown": {"logging": true}})])
	count(access_logging.deny) == 0 with input as input_doc
	access_logging.unknown == {{"resource": "google_storage_bucket.a", "message": "logging is known only after apply"}} with input as input_doc
}
