# METADATA
# title: Cloud Storage buckets keep object versions
# description: >-
#   Every google_storage_bucket has a versioning block with enabled = true
#   (absent, versioning is off). Without versions an overwritten or deleted
#   object is gone; an auditor looks for the means to recover data from an
#   error or a malicious change.
# custom:
#   id: GCP-GCS-003
#   severity: medium
#   criteria: [CC7.4, A1.2, C1.2]
#   resource_types: [google_storage_bucket]
#   remediation: >-
#     Add versioning { enabled = true } to the bucket, with a lifecycle_rule
#     that deletes noncurrent versions after the retention you need.
#   rationale: >-
#     No control-map row covers GCS versioning; it answers the corpus query
#     on bucket versioning and takes the criteria of the equivalent AWS row
#     (s3-bucket-versioning).
package soc2scan.rules.gcp.gcs.versioning

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("google_storage_bucket")
	tf.is_known(bucket, "versioning")
	not enabled(bucket)
	not undetermined(bucket)
	finding := {"resource": bucket.id, "message": message(bucket)}
}

unknown contains tf.undetermined(bucket, "versioning") if {
	some bucket in tf.resources("google_storage_bucket")
	not enabled(bucket)
	undetermined(bucket)
}

enabled(bucket) if {
	some v in gcp.blocks(bucket, "versioning")
	v.enabled == true
}

undetermined(bucket) if tf.contains_unknown(bucket, "versioning")

message(bucket) := sprintf("%s has versioning.enabled = false", [bucket.id]) if {
	some v in gcp.blocks(bucket, "versioning")
	v.enabled == false
} else := sprintf("%s does not enable versioning", [bucket.id])
