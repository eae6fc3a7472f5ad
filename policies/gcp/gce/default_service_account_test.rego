package soc2scan.rules.gcp.gce.default_service_account_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gce.default_service_account

instance(name, sa) := {"id": sprintf("google_compute_instance.%s", [name]), "type": "google_compute_instance", "values": {"service_account": sa}}

test_fail_default_email_and_no_email if {
	findings := default_service_account.deny with input as doc([
		instance("a", [{"email": "123456-compute@developer.gserviceaccount.com", "scopes": ["cloud-platform"]}]),
		instance("b", [{"scopes": ["storage-ro"]}]),
	])
	findings == {
		{
			"resource": "google_compute_instance.a",
			"message": "google_compute_instance.a runs as the Compute Engine default service account (service_account.email = \"123456-compute@developer.gserviceaccount.com\") with the cloud-platform full-access scope",
		},
		{
			"resource": "google_compute_instance.b",
			"message": "google_compute_instance.b runs as the Compute Engine default service account (service_account has no email, so the provider attaches the default)",
		},
	}
}

test_fail_default_account_data_source if {
	findings := default_service_account.deny with input as doc([
		{"id": "data.google_compute_default_service_account.default", "type": "google_compute_default_service_account", "mode": "data"},
		object.union(instance("a", [{"email": null, "scopes": ["cloud-platform"]}]), {
			"unknown": {"service_account": [{"email": true}]},
			"refs": {"service_account.email": ["data.google_compute_default_service_account.default"]},
		}),
	])
	{f.resource | some f in findings} == {"google_compute_instance.a"}
}

test_pass_dedicated_account_or_none if {
	count(default_service_account.deny) == 0 with input as doc([
		instance("a", [{"email": "web@my-project.iam.gserviceaccount.com", "scopes": ["cloud-platform"]}]),
		instance("b", []),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([
		{"id": "google_service_account.web", "type": "google_service_account"},
		object.union(instance("a", [{"email": null, "scopes": ["cloud-platform"]}]), {
			"unknown": {"service_account": [{"email": true}]},
			"refs": {"service_account.email": ["google_service_account.web"]},
		}),
	])
	count(default_service_account.deny) == 0 with input as input_doc
	default_service_account.unknown == {{"resource": "google_compute_instance.a", "message": "service_account.0.email is known only after apply"}} with input as input_doc
}
