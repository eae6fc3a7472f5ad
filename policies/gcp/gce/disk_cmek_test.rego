package soc2scan.rules.gcp.gce.disk_cmek_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gce.disk_cmek

disk(name, values) := {"id": sprintf("google_compute_disk.%s", [name]), "type": "google_compute_disk", "values": values}

vm(name, boot) := {"id": sprintf("google_compute_instance.%s", [name]), "type": "google_compute_instance", "values": {"boot_disk": [boot]}}

test_fail_without_key if {
	findings := disk_cmek.deny with input as doc([
		disk("a", {}),
		disk("b", {"disk_encryption_key": [{"sha256": "A"}]}),
		disk("c", {"disk_encryption_key": [{"kms_key_self_link": ""}]}),
		vm("web", {"initialize_params": [{"image": "debian-12"}]}),
	])
	findings == {
		{"resource": "google_compute_disk.a", "message": "google_compute_disk.a has no disk_encryption_key block, so the disk is encrypted with a Google-managed key"},
		{"resource": "google_compute_disk.b", "message": "google_compute_disk.b disk_encryption_key sets none of kms_key_self_link, raw_key, rsa_encrypted_key, so the disk is encrypted with a Google-managed key"},
		{"resource": "google_compute_disk.c", "message": "google_compute_disk.c disk_encryption_key sets none of kms_key_self_link, raw_key, rsa_encrypted_key, so the disk is encrypted with a Google-managed key"},
		{"resource": "google_compute_instance.web", "message": "google_compute_instance.web boot_disk sets none of kms_key_self_link, disk_encryption_key_raw, disk_encryption_key_rsa, so the disk is encrypted with a Google-managed key"},
	}
}

test_pass_customer_keys if {
	count(disk_cmek.deny) == 0 with input as doc([
		disk("a", {"disk_encryption_key": [{"kms_key_self_link": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}),
		disk("b", {"disk_encryption_key": [{"raw_key": "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="}]}),
		vm("web", {"kms_key_self_link": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}),
		{"id": "google_kms_crypto_key.k", "type": "google_kms_crypto_key"},
		object.union(disk("c", {"disk_encryption_key": [{"kms_key_self_link": null}]}), {
			"unknown": {"disk_encryption_key": [{"kms_key_self_link": true}]},
			"refs": {"disk_encryption_key.kms_key_self_link": ["google_kms_crypto_key.k"]},
		}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(disk("a", {"disk_encryption_key": [{"kms_key_self_link": null}]}), {"unknown": {"disk_encryption_key": [{"kms_key_self_link": true}]}})])
	count(disk_cmek.deny) == 0 with input as input_doc
	disk_cmek.unknown == {{"resource": "google_compute_disk.a", "message": "disk_encryption_key.0.kms_key_self_link is known only after apply"}} with input as input_doc
}
