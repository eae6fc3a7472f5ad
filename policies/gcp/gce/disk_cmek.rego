# METADATA
# title: Compute disks are encrypted with customer-managed or customer-supplied keys
# description: >-
#   Every google_compute_disk has a disk_encryption_key block with a
#   kms_key_self_link (customer-managed key), a raw_key or an
#   rsa_encrypted_key (customer-supplied key), and every
#   google_compute_instance's boot_disk sets kms_key_self_link or
#   disk_encryption_key_raw / disk_encryption_key_rsa. Without one, Google
#   encrypts with keys the organisation cannot rotate, disable or audit the
#   use of; a customer key is the evidence that access to the data at rest
#   can be revoked. Attached disks are judged as google_compute_disk
#   resources.
# custom:
#   id: GCP-GCE-006
#   severity: medium
#   criteria: [CC6.1, C1.1, PI1.5]
#   resource_types: [google_compute_disk, google_compute_instance]
#   remediation: >-
#     Add disk_encryption_key { kms_key_self_link = google_kms_crypto_key.disks.id }
#     to the disk, and kms_key_self_link in the instance's boot_disk block.
package soc2scan.rules.gcp.gce.disk_cmek

import data.soc2scan.lib.terraform as tf

# The attributes that carry a key, under the path of the block holding them.
disk_keys := ["kms_key_self_link", "raw_key", "rsa_encrypted_key"]

boot_keys := ["kms_key_self_link", "disk_encryption_key_raw", "disk_encryption_key_rsa"]

# subjects lists what is judged: the resource, the path of the block that
# holds its key attributes (null when the block is absent), and their names.
subjects := array.concat(
	[{"resource": d, "block": "disk_encryption_key", "path": key_path(d, "disk_encryption_key"), "keys": disk_keys} |
		some d in tf.resources("google_compute_disk")
	],
	[{"resource": vm, "block": "boot_disk", "path": key_path(vm, "boot_disk"), "keys": boot_keys} |
		some vm in tf.resources("google_compute_instance")
	],
)

key_path(r, block) := [block, 0] if {
	count(tf.blocks(r, block)) > 0
} else := null

deny contains finding if {
	some s in subjects
	not keyed(s)
	not undetermined(s)
	finding := {"resource": s.resource.id, "message": message(s)}
}

unknown contains tf.undetermined(s.resource, path) if {
	some s in subjects
	not keyed(s)
	some path in unknown_paths(s)
}

# keyed holds when a key attribute is set, or refers to a KMS key even if
# its value is known only after apply.
keyed(s) if {
	some k in s.keys
	v := tf.value(s.resource, array.concat(s.path, [k]))
	is_string(v)
	v != ""
}

keyed(s) if {
	some k in s.keys
	some key in tf.refers_to(s.resource, concat(".", [s.block, k]))
	key.type in {"google_kms_crypto_key", "google_kms_crypto_key_version"}
}

undetermined(s) if count(unknown_paths(s)) > 0

unknown_paths(s) := {s.block | tf.is_unknown(s.resource, s.block)} | {path |
	s.path != null
	some k in s.keys
	path := array.concat(s.path, [k])
	tf.is_unknown(s.resource, path)
}

message(s) := sprintf("%s has no %s block, so the disk is encrypted with a Google-managed key", [s.resource.id, s.block]) if {
	s.path == null
	s.block == "disk_encryption_key"
} else := sprintf("%s %s sets none of %s, so the disk is encrypted with a Google-managed key", [s.resource.id, s.block, concat(", ", s.keys)])
