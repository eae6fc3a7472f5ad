# METADATA
# title: S3 buckets have default server-side encryption
# description: >-
#   Every bucket declares default server-side encryption (SSE-S3 or SSE-KMS),
#   either with an aws_s3_bucket_server_side_encryption_configuration or, on
#   AWS provider v3, the bucket's inline block. Declaring it in code is the
#   evidence an auditor can inspect that data at rest is encrypted.
# custom:
#   id: AWS-S3-001
#   severity: high
#   criteria: [CC6.1, PI1.4]
#   resource_types: [aws_s3_bucket]
#   remediation: >-
#     Add an aws_s3_bucket_server_side_encryption_configuration whose bucket
#     refers to this bucket, with a rule setting
#     apply_server_side_encryption_by_default.sse_algorithm to "aws:kms" (or "AES256").
package soc2scan.rules.aws.s3.encryption

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	not encrypted(bucket)
	not tf.is_unknown(bucket, "server_side_encryption_configuration")
	finding := {"resource": bucket.id, "message": sprintf("%s has no default server-side encryption configuration", [bucket.id])}
}

unknown contains tf.undetermined(bucket, "server_side_encryption_configuration") if {
	some bucket in tf.resources("aws_s3_bucket")
	not encrypted(bucket)
	tf.is_unknown(bucket, "server_side_encryption_configuration")
}

encrypted(bucket) if {
	some config in tf.related(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket")
	sets_algorithm(config.values)
}

encrypted(bucket) if {
	some config in tf.blocks(bucket, "server_side_encryption_configuration")
	sets_algorithm(config)
}

sets_algorithm(block) if {
	some rule in block.rule
	some by_default in rule.apply_server_side_encryption_by_default
	by_default.sse_algorithm in {"AES256", "aws:kms", "aws:kms:dsse"}
}
