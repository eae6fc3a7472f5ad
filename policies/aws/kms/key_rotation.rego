# METADATA
# title: KMS keys rotate their key material
# description: >-
#   Every symmetric aws_kms_key (customer_master_key_spec absent or
#   "SYMMETRIC_DEFAULT") sets enable_key_rotation = true, so that AWS KMS
#   creates new key material every year (or every rotation_period_in_days).
#   Regular rotation limits how much data one key protects and is the key
#   management evidence an auditor asks for. Asymmetric and HMAC keys cannot
#   rotate automatically and pass.
# custom:
#   id: AWS-KMS-001
#   severity: medium
#   criteria: [CC6.1, PI1.5]
#   resource_types: [aws_kms_key]
#   remediation: Set enable_key_rotation = true on the key.
package soc2scan.rules.aws.kms.key_rotation

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some key in tf.resources("aws_kms_key")
	symmetric(key)
	not tf.known_true(key, "enable_key_rotation")
	tf.is_known(key, "enable_key_rotation")
	finding := {"resource": key.id, "message": message(key)}
}

unknown contains tf.undetermined(key, "enable_key_rotation") if {
	some key in tf.resources("aws_kms_key")
	key.unknown.enable_key_rotation # fails at once for most keys
	tf.is_unknown(key, "enable_key_rotation")
	not asymmetric(key)
}

unknown contains tf.undetermined(key, "customer_master_key_spec") if {
	some key in tf.resources("aws_kms_key")
	key.unknown.customer_master_key_spec # fails at once for most keys
	tf.is_unknown(key, "customer_master_key_spec")
	not tf.known_true(key, "enable_key_rotation")
}

symmetric(key) if {
	tf.is_known(key, "customer_master_key_spec")
	tf.value(key, "customer_master_key_spec") in {null, "SYMMETRIC_DEFAULT"}
}

asymmetric(key) if {
	tf.is_known(key, "customer_master_key_spec")
	not symmetric(key)
}

message(key) := sprintf("%s has enable_key_rotation = false", [key.id]) if {
	tf.value(key, "enable_key_rotation") == false
} else := sprintf("%s does not set enable_key_rotation (the default is false)", [key.id])
