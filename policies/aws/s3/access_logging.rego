# METADATA
# title: S3 buckets have server access logging
# description: >-
#   Every bucket logs its requests to a target bucket: an
#   aws_s3_bucket_logging whose bucket refers to it or, on AWS provider v3,
#   the bucket's inline logging block with a target_bucket. Buckets that
#   are themselves the target of an aws_s3_bucket_logging are log buckets and
#   pass: logging them into themselves would loop. Access logs record who
#   read, wrote or deleted which object, the evidence an auditor asks for
#   when investigating access to stored data.
# custom:
#   id: AWS-S3-006
#   severity: medium
#   criteria: [CC7.2, CC7.3]
#   resource_types: [aws_s3_bucket]
#   remediation: >-
#     Add an aws_s3_bucket_logging with bucket = aws_s3_bucket.<name>.id,
#     target_bucket = the central access-log bucket and a target_prefix.
package soc2scan.rules.aws.s3.access_logging

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some bucket in unlogged
	not pending(bucket)
	finding := {"resource": bucket.id, "message": sprintf("%s has no aws_s3_bucket_logging and no inline logging block with a target_bucket", [bucket.id])}
}

unknown contains tf.undetermined(bucket, "logging") if {
	some bucket in unlogged
	pending(bucket)
}

# unlogged are the buckets neither logged nor a log bucket, computed once
# for both sets.
unlogged := [bucket |
	some bucket in tf.resources("aws_s3_bucket")
	not referred(bucket)
	not logged_inline(bucket)
]

# referred holds when an aws_s3_bucket_logging logs the bucket or into it,
# or another bucket's inline logging block logs into it: one walk over the
# resources that refer to the bucket.
referred(bucket) if {
	some e in input.referenced_by[bucket.id]
	[e.attr, input.resources[e.index].type] in {
		["bucket", "aws_s3_bucket_logging"],
		["target_bucket", "aws_s3_bucket_logging"],
		["logging.target_bucket", "aws_s3_bucket"],
	}
}

logged_inline(bucket) if {
	some block in tf.blocks(bucket, "logging")
	object.get(block, "target_bucket", "") != ""
}

# The provider computes the inline block when the configuration leaves it
# out (plans show it as known after apply): only a configured block waits.
pending(bucket) if {
	tf.contains_unknown(bucket, "logging")
	aws.configured(bucket, "logging")
}
