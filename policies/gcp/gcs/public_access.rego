# METADATA
# title: Cloud Storage buckets are not public
# description: >-
#   No google_storage_bucket_iam_binding, _iam_member or _iam_policy grants a
#   role on a bucket to allUsers or allAuthenticatedUsers, and every
#   google_storage_bucket sets public_access_prevention = "enforced" (absent,
#   it is "inherited" from an organisation policy the configuration does not
#   show). A public grant exposes every object of the bucket to anyone on the
#   internet; enforced public access prevention is the evidence an auditor
#   can inspect that no later grant or ACL can do so.
# custom:
#   id: GCP-GCS-001
#   severity: critical
#   criteria: [CC6.1]
#   resource_types: [google_storage_bucket_iam_binding, google_storage_bucket_iam_member, google_storage_bucket_iam_policy, google_storage_bucket]
#   remediation: >-
#     Remove allUsers and allAuthenticatedUsers from the bucket's IAM members
#     and grant roles to named users, groups or service accounts; set
#     public_access_prevention = "enforced" on the google_storage_bucket
#     (serve public content through a CDN or signed URLs instead).
package soc2scan.rules.gcp.gcs.public_access

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

iam_types := ["google_storage_bucket_iam_binding", "google_storage_bucket_iam_member", "google_storage_bucket_iam_policy"]

deny contains finding if {
	some type in iam_types
	some r in tf.resources(type)
	public := gcp.public_grants(r)
	count(public) > 0
	finding := {"resource": r.id, "message": sprintf("%s grants %s", [r.id, gcp.describe_grants(public)])}
}

deny contains finding if {
	some bucket in tf.resources("google_storage_bucket")
	value := tf.value(bucket, "public_access_prevention")
	value != "enforced"
	tf.is_known(bucket, "public_access_prevention")
	finding := {"resource": bucket.id, "message": message(bucket, value)}
}

unknown contains tf.undetermined_because(r, reason) if {
	some type in iam_types
	some r in tf.resources(type)
	count(gcp.public_grants(r)) == 0
	some reason in gcp.undetermined_grants(r)
}

unknown contains tf.undetermined(bucket, "public_access_prevention") if {
	some bucket in tf.resources("google_storage_bucket")
	tf.is_unknown(bucket, "public_access_prevention")
}

message(bucket, null) := sprintf("%s does not set public_access_prevention; the default \"inherited\" does not prevent public access", [bucket.id])

message(bucket, value) := sprintf("%s has public_access_prevention = %q, not \"enforced\"", [bucket.id, value]) if value != null
