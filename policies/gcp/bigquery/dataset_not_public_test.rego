package soc2scan.rules.gcp.bigquery.dataset_not_public_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.bigquery.dataset_not_public

test_fail_public_access if {
	findings := dataset_not_public.deny with input as doc([
		{"id": "google_bigquery_dataset.d", "type": "google_bigquery_dataset", "values": {"access": [{"role": "OWNER", "user_by_email": "a@example.com"}, {"role": "READER", "special_group": "allAuthenticatedUsers"}]}},
		{"id": "google_bigquery_dataset_access.a", "type": "google_bigquery_dataset_access", "values": {"role": "READER", "iam_member": "allUsers"}},
		{"id": "google_bigquery_dataset_iam_member.m", "type": "google_bigquery_dataset_iam_member", "values": {"role": "roles/bigquery.dataViewer", "member": "allUsers"}},
	])
	findings == {
		{"resource": "google_bigquery_dataset.d", "message": "google_bigquery_dataset.d shares the dataset with the public: access[1] special_group = \"allAuthenticatedUsers\" (role READER)"},
		{"resource": "google_bigquery_dataset_access.a", "message": "google_bigquery_dataset_access.a shares the dataset with the public: iam_member = \"allUsers\" (role READER)"},
		{"resource": "google_bigquery_dataset_iam_member.m", "message": "google_bigquery_dataset_iam_member.m grants roles/bigquery.dataViewer to allUsers"},
	}
}

test_pass_named_access if {
	count(dataset_not_public.deny) == 0 with input as doc([{
		"id": "google_bigquery_dataset.d",
		"type": "google_bigquery_dataset",
		"values": {"access": [{"role": "OWNER", "user_by_email": "a@example.com"}, {"role": "READER", "domain": "example.com"}, {"role": "WRITER", "special_group": "projectWriters"}]},
	}])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([{"id": "google_bigquery_dataset_access.a", "type": "google_bigquery_dataset_access", "values": {"role": "READER"}, "unknown": {"iam_member": true}}])
	count(dataset_not_public.deny) == 0 with input as input_doc
	dataset_not_public.unknown == {{"resource": "google_bigquery_dataset_access.a", "message": "iam_member is known only after apply"}} with input as input_doc
}
