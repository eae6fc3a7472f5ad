# METADATA
# title: S3 buckets grant no public access through ACLs or bucket policies
# description: >-
#   No aws_s3_bucket (provider v3 acl, grant and policy attributes),
#   aws_s3_bucket_acl or aws_s3_bucket_policy grants access to everyone:
#   no canned ACL public-read, public-read-write or authenticated-read, no
#   grant to the AllUsers or AuthenticatedUsers group, and no bucket policy
#   statement that allows Principal "*" without a condition narrowing the
#   caller to an organisation, account, network or VPC endpoint (the
#   conditions AWS itself treats as non-public). Public grants are how
#   stored data ends up readable, or writable, by anyone on the internet;
#   an auditor expects access to data to be granted to named parties only.
# custom:
#   id: AWS-S3-005
#   severity: critical
#   criteria: [CC6.1, CC6.3, CC6.6]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl, aws_s3_bucket_policy]
#   remediation: >-
#     Set the ACL to private (or remove ACLs with object_ownership =
#     "BucketOwnerEnforced"), replace Principal "*" with the accounts or
#     roles that need access or add a condition such as aws:PrincipalOrgID or
#     aws:SourceVpce, and serve public content through CloudFront with an
#     origin access control.
package soc2scan.rules.aws.s3.public_grants

import data.soc2scan.lib.aws
import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.terraform as tf

public_acls := {"public-read", "public-read-write", "authenticated-read"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

deny contains finding if {
	some r in array.concat(tf.resources("aws_s3_bucket"), tf.resources("aws_s3_bucket_acl"))
	acl := tf.value(r, "acl")
	acl in public_acls
	finding := {"resource": r.id, "message": sprintf("%s has acl = %q", [r.id, acl])}
}

deny contains finding if {
	some r in array.concat(tf.resources("aws_s3_bucket"), tf.resources("aws_s3_bucket_acl"))
	uris := grantees(r)
	count(uris) > 0
	finding := {"resource": r.id, "message": sprintf("%s grants access to %s", [r.id, concat(", ", sort(uris))])}
}

deny contains finding if {
	some r in policy_holders
	doc := iam.read(r, "policy")
	some s in doc.statements
	iam.public(s)
	finding := {"resource": r.id, "message": sprintf("%s has a policy statement%s that allows %s to Principal \"*\" without a condition on the caller%s", [
		r.id,
		sid(s),
		concat(", ", s.Action),
		origin(r, doc),
	])}
}

unknown contains tf.undetermined(r, attr) if {
	some r in tf.resources("aws_s3_bucket_acl")
	some attr in ["acl", "access_control_policy"]
	tf.is_unknown(r, attr)
}

unknown contains tf.undetermined(r, attr) if {
	some r in tf.resources("aws_s3_bucket")
	some attr in ["acl", "grant"]
	tf.is_unknown(r, attr)
	aws.configured(r, attr)
}

unknown contains tf.undetermined_because(r, reason) if {
	some r in policy_holders
	doc := iam.read(r, "policy")
	not public_in(doc)
	some reason in iam.pending(doc)
}

# policy_holders are the bucket policies and the buckets whose own policy
# attribute (provider v3) is set: the provider computes the attribute when
# the configuration leaves it out, which plans show as known after apply.
policy_holders := array.concat(
	[b |
		some b in tf.resources("aws_s3_bucket")
		inline_policy(b)
	],
	tf.resources("aws_s3_bucket_policy"),
)

inline_policy(b) if aws.configured(b, "policy")

# grantees lists the public groups of the grant blocks of a provider v3
# bucket and of an aws_s3_bucket_acl's access_control_policy.
grantees(r) := {uri |
	some g in tf.blocks(r, "grant")
	uri := object.get(g, "uri", "")
	uri in public_groups
} | {uri |
	some acp in tf.blocks(r, "access_control_policy")
	some g in object.get(acp, "grant", [])
	some grantee in object.get(g, "grantee", [])
	uri := object.get(grantee, "uri", "")
	uri in public_groups
}

public_in(doc) if {
	some s in doc.statements
	iam.public(s)
}

sid(s) := sprintf(" (%s)", [s.Sid]) if s.Sid != ""

sid(s) := "" if s.Sid == ""

origin(r, doc) := "" if {
	doc.source == sprintf("%s.policy", [r.id])
} else := sprintf(" (in %s)", [doc.source])
