# METADATA
# title: IAM role trust policies do not let anyone assume the role
# description: >-
#   No statement of an aws_iam_role's assume_role_policy allows
#   sts:AssumeRole (or another sts:AssumeRole* action) to Principal "*" or
#   {"AWS": "*"} without a condition that narrows the caller (aws:PrincipalOrgID,
#   aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount, aws:SourceArn,
#   sts:ExternalId ...). Such a role can be assumed from any AWS account in
#   the world; an auditor expects every trust relationship to name who is
#   trusted.
# custom:
#   id: AWS-IAM-007
#   severity: critical
#   criteria: [CC1.3, CC6.1, CC6.3, CC6.6]
#   resource_types: [aws_iam_role]
#   remediation: >-
#     Name the trusted principals (account root ARNs, role ARNs or service
#     principals) in the trust policy, or add a condition such as
#     StringEquals aws:PrincipalOrgID = "<org id>" or sts:ExternalId for a
#     third party.
package soc2scan.rules.aws.iam.role_trust

import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some role in tf.resources("aws_iam_role")
	doc := iam.read(role, "assume_role_policy")
	some s in doc.statements
	open_trust(s)
	finding := {"resource": role.id, "message": sprintf("%s has an assume_role_policy statement that lets any principal (\"*\") assume the role without a condition on the caller", [role.id])}
}

unknown contains tf.undetermined_because(role, reason) if {
	some role in tf.resources("aws_iam_role")
	doc := iam.read(role, "assume_role_policy")
	not open_in(doc)
	some reason in iam.pending(doc)
}

open_trust(s) if {
	iam.allows(s, "sts:AssumeRole")
	iam.everyone(s)
	not iam.restricted(s)
}

open_trust(s) if {
	iam.allows(s, "sts:AssumeRoleWithWebIdentity")
	iam.everyone(s)
	not iam.restricted(s)
}

open_in(doc) if {
	some s in doc.statements
	open_trust(s)
}
