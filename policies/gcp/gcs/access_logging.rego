# METADATA
# title: Cloud Storage buckets log access
# description: >-
#   Every google_storage_bucket has a logging block naming a log_bucket, so
#   usage and storage logs of the bucket are delivered (absent, none are).
#   The log bucket of such a block is not itself required to log. Access
#   logs are the record an auditor uses to tell who read or changed data.
# custom:
#   id: GCP-GCS-004
#   severity: medium
#   criteria: [CC7.2, CC7.3]
#   resource_types: [google_storage_bucket]
#   remediation: >-
#     Add logging { log_bucket = google_storage_bucket.logs.name } to the
#     bucket, or rely on Cloud Audit Logs data access logs for storage and
#     waive this finding with that reason.
#   rationale: >-
#     No control-map row covers GCS access logs; it answers the corpus query
#     on bucket logging and takes the criteria of the equivalent AWS row
#     (s3-bucket-access-logging).
package soc2scan.rules.gcp.gcs.access_logging

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("google_storage_bucket")
	not logged(bucket)
	not log_target(bucket)
	not tf.contains_unknown(bucket, "logging")
	finding := {"resource": bucket.id, "message": sprintf("%s has no logging block with a log_bucket", [bucket.id])}
}

unknown contains tf.undetermined(bucket, "logging") if {
	some bucket in tf.resources("google_storage_bucket")
	not logged(bucket)
	not log_target(bucket)
	tf.contains_unknown(bucket, "logging")
}

# A logging block counts unless its log_bucket is empty: the provider
# requires log_bucket, so a block without it does not plan at all.
logged(bucket) if {
	some l in gcp.blocks(bucket, "logging")
	object.get(l, "log_bucket", null) != ""
}

# log_target holds for a bucket that another bucket's logging block refers to.
log_target(bucket) if tf.has_related(bucket, "google_storage_bucket", "logging.log_bucket")
