package soc2scan.rules.gcp.iam.service_account_keys_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.iam.service_account_keys

test_fail_key if {
	findings := service_account_keys.deny with input as doc([
		{"id": "google_service_account.app", "type": "google_service_account"},
		{"id": "google_service_account_key.k", "type": "google_service_account_key", "unknown": {"service_account_id": true}, "refs": {"service_account_id": ["google_service_account.app"]}},
		{"id": "google_service_account_key.literal", "type": "google_service_account_key", "values": {"service_account_id": "app@p.iam.gserviceaccount.com"}},
	])
	findings == {
		{"resource": "google_service_account_key.k", "message": "google_service_account_key.k creates a user-managed key for google_service_account.app"},
		{"resource": "google_service_account_key.literal", "message": "google_service_account_key.literal creates a user-managed key for \"app@p.iam.gserviceaccount.com\""},
	}
}

test_pass_service_account_without_key if {
	count(service_account_keys.deny) == 0 with input as doc([{"id": "google_service_account.app", "type": "google_service_account"}])
}
