# METADATA
# title: S3 buckets block public access
# description: >-
#   Every bucket has S3 Block Public Access with all four flags true
#   (block_public_acls, block_public_policy, ignore_public_acls,
#   restrict_public_buckets), through an aws_s3_bucket_public_access_block
#   for the bucket or an aws_s3_account_public_access_block for the account.
#   With all four on, no ACL or bucket policy can make the data public by
#   mistake, which is the logical access boundary an auditor looks for.
#   A block for a bucket declared elsewhere (its bucket is a name or refers
#   to no bucket of the document) is judged on its own; a block of a bucket
#   of the document is judged through that bucket.
# custom:
#   id: AWS-S3-002
#   severity: high
#   criteria: [CC6.1]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_public_access_block]
#   remediation: >-
#     Add an aws_s3_bucket_public_access_block whose bucket refers to this
#     bucket, with block_public_acls, block_public_policy, ignore_public_acls
#     and restrict_public_buckets all set to true (or one
#     aws_s3_account_public_access_block with the four flags true).
package soc2scan.rules.aws.s3.public_access_block

import data.soc2scan.lib.terraform as tf

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	not blocked(bucket)
	not undecided(bucket)
	finding := {"resource": bucket.id, "message": message(bucket)}
}

deny contains finding if {
	some block in tf.resources("aws_s3_bucket_public_access_block")
	not bucket_declared(block)
	count(off(block)) > 0
	not account_blocked
	finding := {"resource": block.id, "message": sprintf("%s (for a bucket not declared here) has %s, and %s", [block.id, describe(block), account_note])}
}

unknown contains tf.undetermined(block, flag) if {
	some block in tf.resources("aws_s3_bucket_public_access_block")
	not bucket_declared(block)
	count(off(block)) == 0
	some flag in flags
	tf.is_unknown(block, flag)
}

bucket_declared(block) if {
	some b in tf.refers_to(block, "bucket")
	b.type == "aws_s3_bucket"
}

account_blocked if {
	some account in tf.resources("aws_s3_account_public_access_block")
	all_true(account)
}

unknown contains tf.undetermined_because(bucket, reason) if {
	some bucket in tf.resources("aws_s3_bucket")
	not blocked(bucket)
	some reason in pending(bucket)
}

blocked(_) if {
	some account in tf.resources("aws_s3_account_public_access_block")
	all_true(account)
}

blocked(bucket) if {
	some block in tf.related(bucket, "aws_s3_bucket_public_access_block", "bucket")
	all_true(block)
}

all_true(block) if every flag in flags {
	tf.known_true(block, flag)
}

# off lists the flags of a block that are false or not set.
off(block) := [flag | some flag in flags; not tf.known_true(block, flag); tf.is_known(block, flag)]

# pending gives, for a bucket, why a block that may turn out complete is not
# known yet: none of its flags is off, some are known only after apply.
pending(bucket) := {sprintf("%s.%s is known only after apply", [block.id, flag]) |
	some block in array.concat(
		tf.related(bucket, "aws_s3_bucket_public_access_block", "bucket"),
		tf.resources("aws_s3_account_public_access_block"),
	)
	count(off(block)) == 0
	some flag in flags
	tf.is_unknown(block, flag)
}

undecided(bucket) if count(pending(bucket)) > 0

message(bucket) := sprintf("%s has no aws_s3_bucket_public_access_block, and %s", [bucket.id, account_note]) if {
	not tf.has_related(bucket, "aws_s3_bucket_public_access_block", "bucket")
} else := sprintf("%s has %s, and %s", [bucket.id, concat("; ", sort(descriptions(bucket))), account_note])

descriptions(bucket) := [sprintf("%s with %s", [block.id, describe(block)]) |
	some block in tf.related(bucket, "aws_s3_bucket_public_access_block", "bucket")
]

account_note := "no aws_s3_account_public_access_block" if {
	count(tf.resources("aws_s3_account_public_access_block")) == 0
} else := concat("; ", sort([sprintf("%s has %s", [account.id, describe(account)]) |
	some account in tf.resources("aws_s3_account_public_access_block")
]))

describe(block) := concat(", ", [state(block, flag) | some flag in off(block)])

state(block, flag) := sprintf("%s = false", [flag]) if {
	tf.value(block, flag) == false
} else := sprintf("%s not set (defaults to false)", [flag])
