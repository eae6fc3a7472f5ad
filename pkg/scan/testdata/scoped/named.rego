# METADATA
# title: S3 buckets are named
# description: A security and confidentiality control, to test scoping.
# custom:
#   id: ACME-C-001
#   severity: low
#   criteria: [CC6.1, C1.1]
#   resource_types: [aws_s3_bucket]
#   remediation: Set bucket.
package soc2scan.rules.acme.named

import data.soc2scan.lib.terraform as tf

deny contains tf.finding(bucket, sprintf("%s has no name", [bucket.id])) if {
	some bucket in tf.resources("aws_s3_bucket")
	not tf.value(bucket, "bucket")
}
