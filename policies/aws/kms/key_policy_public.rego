# METADATA
# title: KMS key policies do not grant to everyone
# description: >-
#   No statement of an aws_kms_key's policy (or of an aws_kms_key_policy)
#   allows Principal "*" or {"AWS": "*"} without a condition narrowing the
#   caller to an organisation, account, network or identity. A key policy
#   is the primary control over a key: a grant to everyone lets any AWS
#   account use the key, and with kms:* administer or schedule it for
#   deletion, and so read or destroy all data it protects. Keys without a
#   policy get the default policy, which trusts the owning account only,
#   and pass.
# custom:
#   id: AWS-KMS-002
#   severity: critical
#   criteria: [CC6.1, CC6.3, CC6.6]
#   resource_types: [aws_kms_key, aws_kms_key_policy]
#   remediation: >-
#     Name the principals in the key policy (the account root for IAM-policy
#     delegation, key administrator and user roles), or add a condition such
#     as aws:PrincipalOrgID or kms:CallerAccount.
#   rationale: >-
#     No control-map row covers key policies; the criteria are those of the
#     row for the same exposure of stored data through a resource policy
#     (s3-bucket-no-public-grants).
package soc2scan.rules.aws.kms.key_policy_public

import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.terraform as tf

keys := array.concat(tf.resources("aws_kms_key"), tf.resources("aws_kms_key_policy"))

deny contains finding if {
	some key in keys
	doc := iam.read(key, "policy")
	some s in doc.statements
	iam.public(s)
	finding := {"resource": key.id, "message": sprintf("%s has a key policy statement%s that allows %s to Principal \"*\" without a condition on the caller", [key.id, sid(s), concat(", ", s.Action)])}
}

unknown contains tf.undetermined_because(key, reason) if {
	some key in keys
	doc := iam.read(key, "policy")
	not public_in(doc)
	some reason in iam.pending(doc)
}

public_in(doc) if {
	some s in doc.statements
	iam.public(s)
}

sid(s) := sprintf(" (%s)", [s.Sid]) if s.Sid != ""

sid(s) := "" if s.Sid == ""
