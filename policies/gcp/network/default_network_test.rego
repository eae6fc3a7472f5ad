package soc2scan.rules.gcp.network.default_network_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.network.default_network

test_fail_default_network_and_project if {
	findings := default_network.deny with input as doc([
		{"id": "google_compute_network.default", "type": "google_compute_network", "values": {"name": "default"}},
		{"id": "google_project.p", "type": "google_project", "values": {"name": "p"}},
	])
	findings == {
		{"resource": "google_compute_network.default", "message": "google_compute_network.default is named \"default\"; the project keeps its default network"},
		{"resource": "google_project.p", "message": "google_project.p does not set auto_create_network = false; GCP creates the default network"},
	}
}

test_pass_custom_network if {
	count(default_network.deny) == 0 with input as doc([
		{"id": "google_compute_network.vpc", "type": "google_compute_network", "values": {"name": "prod-vpc", "auto_create_subnetworks": false}},
		{"id": "google_project.p", "type": "google_project", "values": {"name": "p", "auto_create_network": false}},
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([{"id": "google_compute_network.n", "type": "google_compute_network", "unknown": {"name": true}}])
	count(default_network.deny) == 0 with input as input_doc
	default_network.unknown == {{"resource": "google_compute_network.n", "message": "name is known only after apply"}} with input as input_doc
}
