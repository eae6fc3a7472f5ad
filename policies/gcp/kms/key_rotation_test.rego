package soc2scan.rules.gcp.kms.key_rotation_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.kms.key_rotation

key(name, values) := {"id": sprintf("google_kms_crypto_key.%s", [name]), "type": "google_kms_crypto_key", "values": values}

test_fail_long_or_absent if {
	findings := key_rotation.deny with input as doc([key("long", {"rotation_period": "77760009s"}), key("none", {})])
	findings == {
		{"resource": "google_kms_crypto_key.long", "message": "google_kms_crypto_key.long has rotation_period = \"77760009s\", longer than 7776000s (90 days)"},
		{"resource": "google_kms_crypto_key.none", "message": "google_kms_crypto_key.none does not set rotation_period; the key never rotates"},
	}
}

test_pass_rotating_or_asymmetric if {
	count(key_rotation.deny) == 0 with input as doc([
		key("a", {"rotation_period": "7776000s"}),
		key("b", {"rotation_period": "100000s", "purpose": "ENCRYPT_DECRYPT"}),
		key("sign", {"purpose": "ASYMMETRIC_SIGN"}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(key("a", {}), {"unknown": {"rotation_period": true}})])
	count(key_rotation.deny) == 0 with input as input_doc
	key_rotation.unknown == {{"resource": "google_kms_crypto_key.a", "message": "rotation_period is known only after apply"}} with input as input_doc
}
