# METADATA
# title: KMS symmetric keys rotate at least every 90 days
# description: >-
#   Every google_kms_crypto_key whose purpose is ENCRYPT_DECRYPT (the
#   default) sets rotation_period to 7776000s (90 days) or less; absent, the
#   key never rotates. Asymmetric, MAC and raw keys cannot rotate
#   automatically and are not judged. Regular rotation bounds how much data
#   one compromised key version exposes, and is the key-management evidence
#   an auditor expects.
# custom:
#   id: GCP-KMS-001
#   severity: medium
#   criteria: [CC6.1, PI1.5]
#   resource_types: [google_kms_crypto_key]
#   remediation: Set rotation_period = "7776000s" (90 days) or shorter on the key.
package soc2scan.rules.gcp.kms.key_rotation

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

maximum := 7776000

symmetric := [k |
	some k in tf.resources("google_kms_crypto_key")
	tf.value(k, "purpose") in {null, "ENCRYPT_DECRYPT"}
	tf.is_known(k, "purpose")
]

deny contains finding if {
	some k in symmetric
	tf.value(k, "rotation_period") == null
	tf.is_known(k, "rotation_period")
	finding := {"resource": k.id, "message": sprintf("%s does not set rotation_period; the key never rotates", [k.id])}
}

deny contains finding if {
	some k in symmetric
	period := tf.value(k, "rotation_period")
	period != null
	not gcp.duration_seconds(period) <= maximum
	finding := {"resource": k.id, "message": sprintf("%s has rotation_period = %q, longer than %ds (90 days)", [k.id, period, maximum])}
}

unknown contains tf.undetermined(k, attr) if {
	some k in tf.resources("google_kms_crypto_key")
	some attr in ["purpose", "rotation_period"]
	tf.is_unknown(k, attr)
}
