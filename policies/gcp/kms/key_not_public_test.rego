package soc2scan.rules.gcp.kms.key_not_public_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.kms.key_not_public

test_fail_public_grants if {
	findings := key_not_public.deny with input as doc([
		{"id": "google_kms_crypto_key_iam_member.m", "type": "google_kms_crypto_key_iam_member", "values": {"role": "roles/cloudkms.cryptoKeyDecrypter", "member": "allUsers"}},
		{"id": "google_kms_key_ring_iam_binding.b", "type": "google_kms_key_ring_iam_binding", "values": {"role": "roles/cloudkms.admin", "members": ["allAuthenticatedUsers"]}},
	])
	findings == {
		{"resource": "google_kms_crypto_key_iam_member.m", "message": "google_kms_crypto_key_iam_member.m grants roles/cloudkms.cryptoKeyDecrypter to allUsers"},
		{"resource": "google_kms_key_ring_iam_binding.b", "message": "google_kms_key_ring_iam_binding.b grants roles/cloudkms.admin to allAuthenticatedUsers"},
	}
}

test_pass_named_members if {
	count(key_not_public.deny) == 0 with input as doc([{"id": "google_kms_crypto_key_iam_member.m", "type": "google_kms_crypto_key_iam_member", "values": {"role": "roles/cloudkms.cryptoKeyDecrypter", "member": "serviceAccount:app@p.iam.gserviceaccount.com"}}])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([{"id": "google_kms_crypto_key_iam_binding.b", "type": "google_kms_crypto_key_iam_binding", "values": {"role": "roles/cloudkms.cryptoKeyDecrypter", "members": [null]}, "unknown": {"members": [true]}}])
	count(key_not_public.deny) == 0 with input as input_doc
	key_not_public.unknown == {{"resource": "google_kms_crypto_key_iam_binding.b", "message": "google_kms_crypto_key_iam_binding.b.members is known only after apply"}} with input as input_doc
}
