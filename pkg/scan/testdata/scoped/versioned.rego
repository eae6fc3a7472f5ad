# METADATA
# title: S3 buckets keep versions
# description: An availability-only control, to test scoping.
# custom:
#   id: ACME-A-001
#   severity: low
#   criteria: [A1.2]
#   resource_types: [aws_s3_bucket]
#   remediation: Enable versioning.
package soc2scan.rules.acme.versioned

import data.soc2scan.lib.terraform as tf

deny contains tf.finding(bucket, sprintf("%s keeps no versions", [bucket.id])) if {
	some bucket in tf.resources("aws_s3_bucket")
	count(tf.related(bucket, "aws_s3_bucket_versioning", "bucket")) == 0
}
