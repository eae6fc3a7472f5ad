package soc2scan.rules.gcp.gcs.uniform_access_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gcs.uniform_access

bucket(name, values) := {"id": sprintf("google_storage_bucket.%s", [name]), "type": "google_storage_bucket", "values": values}

test_fail_disabled_or_absent if {
	findings := uniform_access.deny with input as doc([bucket("a", {"uniform_bucket_level_access": false}), bucket("b", {})])
	findings == {
		{"resource": "google_storage_bucket.a", "message": "google_storage_bucket.a has uniform_bucket_level_access = false; object ACLs stay enabled"},
		{"resource": "google_storage_bucket.b", "message": "google_storage_bucket.b does not set uniform_bucket_level_access; object ACLs stay enabled"},
	}
}

test_pass_enabled if {
	count(uniform_access.deny) == 0 with input as doc([bucket("a", {"uniform_bucket_level_access": true})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(bucket("a", {}), {"unknown": {"uniform_bucket_level_access": true}})])
	count(uniform_access.deny) == 0 with input as input_doc
	uniform_access.unknown == {{"resource": "google_storage_bucket.a", "message": "uniform_bucket_level_access is known only after apply"}} with input as input_doc
}
