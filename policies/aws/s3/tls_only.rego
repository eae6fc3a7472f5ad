# METADATA
# title: S3 bucket policies deny requests without TLS
# description: >-
#   Every bucket has a bucket policy with a Deny statement for all
#   principals and all S3 actions ("s3:*" or "*") when aws:SecureTransport
#   is false (condition Bool or BoolIfExists). S3 otherwise accepts plain
#   HTTP; the deny is the evidence that data in transit to the bucket is
#   always encrypted. The policy is read from its JSON or, where that is
#   known only after apply, from the aws_iam_policy_document it refers to;
#   on AWS provider v3 the bucket's own policy attribute counts too.
# custom:
#   id: AWS-S3-003
#   severity: medium
#   criteria: [CC6.1, CC6.7]
#   resource_types: [aws_s3_bucket]
#   remediation: >-
#     Add an aws_s3_bucket_policy whose bucket refers to this bucket, with a
#     statement {Effect = "Deny", Principal = "*", Action = "s3:*", Resource =
#     [bucket ARN, "bucket ARN/*"], Condition = {Bool = {"aws:SecureTransport"
#     = "false"}}} (or the same statement in the aws_iam_policy_document it
#     uses).
package soc2scan.rules.aws.s3.tls_only

import data.soc2scan.lib.aws
import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	not enforced(bucket)
	count(pending(bucket)) == 0
	finding := {"resource": bucket.id, "message": message(bucket)}
}

unknown contains tf.undetermined_because(bucket, reason) if {
	some bucket in tf.resources("aws_s3_bucket")
	not enforced(bucket)
	some reason in pending(bucket)
}

policies(bucket) := tf.related(bucket, "aws_s3_bucket_policy", "bucket")

enforced(bucket) if {
	some doc in documents(bucket)
	some s in doc.statements
	denies_insecure_transport(s)
}

# documents are the bucket's policies: those of its aws_s3_bucket_policy
# resources and, on AWS provider v3, its own policy attribute.
documents(bucket) := array.concat(
	[iam.read(policy, "policy") | some policy in policies(bucket)],
	[iam.read(bucket, "policy") | inline(bucket)],
)

# The provider computes the attribute when the configuration leaves it out
# (plans show it as known after apply): only a value or an expression of
# the configuration makes it a policy to read.
inline(bucket) if aws.configured(bucket, "policy")

# pending gives why a policy of the bucket may yet deny insecure transport:
# it cannot be read, or a statement that could be the deny has values known
# only after apply.
pending(bucket) := {reason |
	some doc in documents(bucket)
	some reason in undecided(doc)
}

undecided(doc) := {doc.unreadable}

undecided(doc) := {sprintf("a statement of %s has values known only after apply", [doc.source]) |
	some s in doc.statements
	count(s.Unknown) > 0
	may_deny_insecure_transport(s)
} if not doc.unreadable

denies_insecure_transport(s) if {
	s.Effect == "Deny"
	all_actions(s)
	iam.everyone(s)
	insecure_transport(s)
}

may_deny_insecure_transport(s) if {
	may(s, "Effect")
	may(s, "Action")
	may(s, "Principal")
	may(s, "Condition")
}

# may holds when a field of a statement meets its part of the deny or is
# known only after apply.
may(s, field) if field in s.Unknown

may(s, "Effect") if s.Effect == "Deny"

may(s, "Action") if all_actions(s)

may(s, "Principal") if iam.everyone(s)

may(s, "Condition") if insecure_transport(s)

all_actions(s) if {
	some action in s.Action
	lower(action) in {"*", "s3:*"}
}

insecure_transport(s) if {
	some c in s.Condition
	c.test in {"Bool", "BoolIfExists"}
	lower(c.variable) == "aws:securetransport"
	some v in c.values
	lower(v) == "false"
}

message(bucket) := sprintf("%s has no aws_s3_bucket_policy; nothing denies requests where aws:SecureTransport is false", [bucket.id]) if {
	count(documents(bucket)) == 0
} else := sprintf("%s has a policy with no Deny of s3:* for all principals where aws:SecureTransport is false", [bucket.id]) if {
	count(policies(bucket)) == 0
} else := sprintf(
	"%s has a bucket policy (%s) with no Deny of s3:* for all principals where aws:SecureTransport is false",
	[bucket.id, concat(", ", sort([p.id | some p in policies(bucket)]))],
)
