package soc2scan.rules.gcp.gce.ip_forwarding_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gce.ip_forwarding

instance(name, values) := {"id": sprintf("google_compute_instance.%s", [name]), "type": "google_compute_instance", "values": values}

test_fail_forwarding if {
	findings := ip_forwarding.deny with input as doc([instance("nat", {"can_ip_forward": true}), instance("web", {})])
	findings == {{"resource": "google_compute_instance.nat", "message": "google_compute_instance.nat has can_ip_forward = true"}}
}

test_pass_default_or_false if {
	count(ip_forwarding.deny) == 0 with input as doc([instance("a", {}), instance("b", {"can_ip_forward": false})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(instance("a", {}), {"unknown": {"can_ip_forward": true}})])
	count(ip_forwarding.deny) == 0 with input as input_doc
	ip_forwarding.unknown == {{"resource": "google_compute_instance.a", "message": "can_ip_forward is known only after apply"}} with input as input_doc
}
