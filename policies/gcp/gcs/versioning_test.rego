package soc2scan.rules.gcp.gcs.versioning_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gcs.versioning

bucket(name, values) := {"id": sprintf("google_storage_bucket.%s", [name]), "type": "google_storage_bucket", "values": values}

test_fail_disabled_or_absent if {
	findings := versioning.deny with input as doc([bucket("a", {"versioning": [{"enabled": false}]}), bucket("b", {})])
	findings == {
		{"resource": "google_storage_bucket.a", "message": "google_storage_bucket.a has versioning.enabled = false"},
		{"resource": "google_storage_bucket.b", "message": "google_storage_bucket.b does not enable versioning"},
	}
}

test_pass_enabled_block_or_object if {
	count(versioning.deny) == 0 with input as doc([
		bucket("a", {"versioning": [{"enabled": true}]}),
		bucket("b", {"versioning": {"enabled": true}}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(bucket("a", {"versioning": [{"enabled": null}]}), {"unknown": {"versioning": [{"enabled": true}]}})])
	count(versioning.deny) == 0 with input as input_doc
	versioning.unknown == {{"resource": "google_storage_bucket.a", "message": "versioning is known only after apply"}} with input as input_doc
}
