# METADATA
# title: S3 buckets carry an owner tag
# description: Every bucket names the team that owns it, so access reviews know whom to ask.
# custom:
#   id: ACME-001
#   severity: low
#   criteria: [CC1.3]
#   resource_types: [aws_s3_bucket]
#   remediation: Add tags = { owner = "team-name" } to the bucket.
package soc2scan.rules.acme.tagged

import data.soc2scan.lib.terraform as tf

deny contains tf.finding(bucket, sprintf("%s has no owner tag", [bucket.id])) if {
	some bucket in tf.resources("aws_s3_bucket")
	tf.value(bucket, "tags.owner") == null
	not tf.is_unknown(bucket, "tags")
}
