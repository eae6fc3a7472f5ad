# METADATA
# title: S3 buckets have versioning enabled
# description: >-
#   Every bucket has versioning enabled: an aws_s3_bucket_versioning for the
#   bucket with versioning_configuration.status "Enabled" or, on AWS provider
#   v3 and where no such resource exists, the bucket's inline versioning block
#   with enabled = true. Versioning keeps every overwritten or deleted object
#   recoverable, which is the evidence an auditor looks for that data can be
#   restored after an incident. An aws_s3_bucket_versioning for a bucket
#   declared elsewhere (its bucket is a name or refers to no bucket of the
#   document) is judged on its own.
# custom:
#   id: AWS-S3-004
#   severity: medium
#   criteria: [CC7.4, A1.2, C1.2]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning]
#   remediation: >-
#     Add an aws_s3_bucket_versioning whose bucket refers to this bucket, with
#     versioning_configuration { status = "Enabled" }.
package soc2scan.rules.aws.s3.versioning

import data.soc2scan.lib.terraform as tf

status := ["versioning_configuration", 0, "status"]

inline := ["versioning", 0, "enabled"]

deny contains finding if {
	some b in buckets
	b.configurations != []
	not b.enabled
	some v in b.configurations
	tf.is_known(v, status)
	finding := {"resource": b.bucket.id, "message": sprintf("%s has %s with versioning_configuration.status = %s", [b.bucket.id, v.id, quoted(tf.value(v, status))])}
}

deny contains finding if {
	some b in buckets
	b.configurations == []
	not b.enabled
	tf.is_known(b.bucket, inline)
	finding := {"resource": b.bucket.id, "message": sprintf(
		"%s has no aws_s3_bucket_versioning with versioning_configuration.status = \"Enabled\" and no inline versioning with enabled = true",
		[b.bucket.id],
	)}
}

unknown contains tf.undetermined_because(b.bucket, sprintf("%s.versioning_configuration.status is known only after apply", [v.id])) if {
	some b in buckets
	not b.enabled
	some v in b.configurations
	tf.is_unknown(v, status)
}

unknown contains tf.undetermined(b.bucket, "versioning") if {
	some b in buckets
	b.configurations == []
	tf.is_unknown(b.bucket, inline)
}

# buckets are the buckets with their versioning resources and whether
# versioning is enabled, computed once for every set.
buckets := [{"bucket": bucket, "configurations": configs, "enabled": enabled(bucket, configs)} |
	some bucket in tf.resources("aws_s3_bucket")
	configs := tf.related(bucket, "aws_s3_bucket_versioning", "bucket")
]

deny contains finding if {
	some v in tf.resources("aws_s3_bucket_versioning")
	not bucket_declared(v)
	tf.is_known(v, status)
	tf.value(v, status) != "Enabled"
	finding := {"resource": v.id, "message": sprintf("%s (for a bucket not declared here) has versioning_configuration.status = %s", [v.id, quoted(tf.value(v, status))])}
}

unknown contains tf.undetermined(v, status) if {
	some v in tf.resources("aws_s3_bucket_versioning")
	not bucket_declared(v)
	tf.is_unknown(v, status)
}

bucket_declared(v) if {
	some b in tf.refers_to(v, "bucket")
	b.type == "aws_s3_bucket"
}

# A separate aws_s3_bucket_versioning, where there is one, decides: the
# inline block of provider v4 and later only reports the bucket's current
# state, which that resource is about to change.
enabled(bucket, configs) if {
	some v in configs
	tf.value(v, status) == "Enabled"
} else if {
	configs == []
	tf.known_true(bucket, inline)
} else := false

quoted(x) := sprintf("%q", [x]) if is_string(x)

quoted(x) := "not set" if not is_string(x)
