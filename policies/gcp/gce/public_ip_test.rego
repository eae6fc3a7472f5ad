package soc2scan.rules.gcp.gce.public_ip_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gce.public_ip

test_fail_access_config if {
	findings := public_ip.deny with input as doc([
		{"id": "google_compute_instance.web", "type": "google_compute_instance", "values": {"network_interface": [{"network": "default", "access_config": [{}]}]}},
		{"id": "google_compute_instance_template.t", "type": "google_compute_instance_template", "values": {"network_interface": [{"network": "default", "ipv6_access_config": [{"network_tier": "PREMIUM"}]}]}},
	])
	findings == {
		{"resource": "google_compute_instance.web", "message": "google_compute_instance.web network_interface[0] has an access_config block (an external IP address)"},
		{"resource": "google_compute_instance_template.t", "message": "google_compute_instance_template.t network_interface[0] has an ipv6_access_config block (an external IP address)"},
	}
}

test_pass_internal_only if {
	count(public_ip.deny) == 0 with input as doc([{"id": "google_compute_instance.web", "type": "google_compute_instance", "values": {"network_interface": [{"network": "default", "access_config": []}]}}])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([{
		"id": "google_compute_instance.web",
		"type": "google_compute_instance",
		"values": {"network_interface": [{"network": "default"}]},
		"unknown": {"network_interface": [{"access_config": true}]},
	}])
	count(public_ip.deny) == 0 with input as input_doc
	public_ip.unknown == {{"resource": "google_compute_instance.web", "message": "network_interface.0.access_config is known only after apply"}} with input as input_doc
}
