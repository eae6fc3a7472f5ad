package soc2scan.rules.gcp.gce.os_login_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gce.os_login

project(metadata) := {"id": "google_compute_project_metadata.p", "type": "google_compute_project_metadata", "values": {"metadata": metadata}}

item(value) := {"id": "google_compute_project_metadata_item.oslogin", "type": "google_compute_project_metadata_item", "values": {"key": "enable-oslogin", "value": value}}

instance(metadata) := {"id": "google_compute_instance.vm", "type": "google_compute_instance", "values": {"metadata": metadata}}

test_fail_project_without_os_login if {
	findings := os_login.deny with input as doc([project({"foo": "bar"})])
	findings == {{"resource": "google_compute_project_metadata.p", "message": "google_compute_project_metadata.p does not set enable-oslogin; OS Login is off for the project"}}
}

test_fail_item_false_and_instance_override if {
	findings := os_login.deny with input as doc([item("FALSE"), instance({"enable-oslogin": "false"})])
	findings == {
		{"resource": "google_compute_project_metadata_item.oslogin", "message": "google_compute_project_metadata_item.oslogin sets project metadata enable-oslogin = \"FALSE\", not TRUE"},
		{"resource": "google_compute_instance.vm", "message": "google_compute_instance.vm turns OS Login off with metadata enable-oslogin = \"false\""},
	}
}

test_pass_enabled if {
	count(os_login.deny) == 0 with input as doc([
		project({"enable-oslogin": "TRUE"}),
		item("TRUE"),
		instance({}),
		object.union(instance({"enable-oslogin": "TRUE"}), {"id": "google_compute_instance.other"}),
		{"id": "google_compute_project_metadata_item.other", "type": "google_compute_project_metadata_item", "values": {"key": "foo", "value": "bar"}},
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(item(null), {"unknown": {"value": true}})])
	count(os_login.deny) == 0 with input as input_doc
	os_login.unknown == {{"resource": "google_compute_project_metadata_item.oslogin", "message": "value is known only after apply"}} with input as input_doc
}
