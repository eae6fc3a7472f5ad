package soc2scan.rules.gcp.gce.block_project_ssh_keys_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gce.block_project_ssh_keys

instance(name, metadata) := {"id": sprintf("google_compute_instance.%s", [name]), "type": "google_compute_instance", "values": {"metadata": metadata}}

test_fail_absent_or_false if {
	findings := block_project_ssh_keys.deny with input as doc([instance("a", {}), instance("b", {"block-project-ssh-keys": "false"})])
	findings == {
		{"resource": "google_compute_instance.a", "message": "google_compute_instance.a does not set metadata block-project-ssh-keys; project-wide SSH keys open the instance"},
		{"resource": "google_compute_instance.b", "message": "google_compute_instance.b has metadata block-project-ssh-keys = \"false\"; project-wide SSH keys open the instance"},
	}
}

test_pass_blocked if {
	count(block_project_ssh_keys.deny) == 0 with input as doc([
		instance("a", {"block-project-ssh-keys": "TRUE"}),
		instance("b", {"block-project-ssh-keys": true}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(instance("a", {}), {"unknown": {"metadata": {"block-project-ssh-keys": true}}})])
	count(block_project_ssh_keys.deny) == 0 with input as input_doc
	block_project_ssh_keys.unknown == {{"resource": "google_compute_instance.a", "message": "metadata.block-project-ssh-keys is known only after apply"}} with input as input_doc
}
