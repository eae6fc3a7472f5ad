# METADATA
# title: Cloud Storage buckets use uniform bucket-level access
# description: >-
#   Every google_storage_bucket sets uniform_bucket_level_access = true, so
#   access is granted only through bucket IAM and per-object ACLs are
#   disabled (absent, the provider leaves fine-grained ACLs on). With
#   object ACLs, who can read an object cannot be reviewed from the bucket's
#   policy alone; an auditor expects one place that states access.
# custom:
#   id: GCP-GCS-002
#   severity: high
#   criteria: [CC5.2, CC6.1, PI1.4]
#   resource_types: [google_storage_bucket]
#   remediation: >-
#     Set uniform_bucket_level_access = true on the bucket and move any
#     object ACL grants to bucket IAM bindings.
package soc2scan.rules.gcp.gcs.uniform_access

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("google_storage_bucket")
	not tf.known_true(bucket, "uniform_bucket_level_access")
	tf.is_known(bucket, "uniform_bucket_level_access")
	finding := {"resource": bucket.id, "message": message(bucket, tf.value(bucket, "uniform_bucket_level_access"))}
}

unknown contains tf.undetermined(bucket, "uniform_bucket_level_access") if {
	some bucket in tf.resources("google_storage_bucket")
	tf.is_unknown(bucket, "uniform_bucket_level_access")
}

message(bucket, null) := sprintf("%s does not set uniform_bucket_level_access; object ACLs stay enabled", [bucket.id])

message(bucket, value) := sprintf("%s has uniform_bucket_level_access = %v; object ACLs stay enabled", [bucket.id, value]) if value != null
