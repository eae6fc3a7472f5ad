# METADATA
# title: Resource policies do not allow every principal without a condition
# description: >-
#   No statement of a resource policy file (an S3 bucket policy, a KMS key,
#   SNS topic, SQS queue or role trust policy) allows Principal "*" (or
#   {"AWS": "*"}) unless a condition narrows it to an organisation, account,
#   source ARN, VPC endpoint or network. Without one, anyone on the
#   internet, any AWS account, can use the resource: the data exposure and
#   unauthorised access that CC6.1 and CC6.6 are about.
# custom:
#   id: CFG-IAM-003
#   severity: critical
#   criteria: [CC6.1, CC6.3, CC6.6]
#   resource_types: [s3_bucket_policy, resource_policy]
#   remediation: >-
#     Name the principals (account, role or service ARNs) instead of "*", or
#     add a condition that restricts who can match, e.g.
#     "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-xxxxxxxxxx"}}.
#   rationale: >-
#     Criteria of the reference row s3-bucket-no-public-grants (CC6.1, CC6.3,
#     CC6.6), which applies to every resource policy with a public principal.
package soc2scan.rules.config.iam.public_principal

import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.config

# Condition keys that limit a wildcard principal to known parties.
restricting_keys := {
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpce", "aws:sourcevpc",
	"aws:sourceip", "aws:sourceorgid", "aws:sourceorgpaths", "aws:userid", "aws:username",
	"kms:calleraccount", "kms:viaservice", "sts:externalid",
}

deny contains finding if {
	some type in config.resource_policy_types
	some r in config.resources(type)
	some entry in config.statements(r)
	s := entry.statement
	s.Effect == "Allow"
	iam.everyone(s)
	not restricted(s)
	finding := {"resource": r.id, "path": entry.path, "message": sprintf(
		"%s: %s allows Principal \"*\" to %s with no condition on who the caller is",
		[r.id, config.label(entry), concat(", ", s.Action)],
	)}
}

restricted(s) if {
	some c in s.Condition
	lower(c.variable) in restricting_keys
}
