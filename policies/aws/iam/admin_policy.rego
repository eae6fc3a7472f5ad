# METADATA
# title: IAM policies do not grant full administrator access
# description: >-
#   No aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy or
#   aws_iam_group_policy has a statement that allows Action "*" on Resource
#   "*". The policy is read from its JSON or, where that is known only after
#   apply, from the aws_iam_policy_document it refers to. Full administrator
#   policies defeat least privilege and segregation of duties; an auditor
#   expects such access to be rare, named and reviewed, not created by code.
# custom:
#   id: AWS-IAM-001
#   severity: high
#   criteria: [CC1.3, CC6.3]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy]
#   remediation: >-
#     Replace Action "*" on Resource "*" with the actions and resource ARNs
#     the role or user needs; where break-glass administrator access is
#     required, attach the AWS managed AdministratorAccess policy to one
#     audited role and waive this finding for it.
package soc2scan.rules.aws.iam.admin_policy

import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.terraform as tf

policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

deny contains finding if {
	some type in policy_types
	some policy in tf.resources(type)
	doc := iam.read(policy, "policy")
	some s in doc.statements
	administrator(s)
	finding := {"resource": policy.id, "message": sprintf("%s has a policy statement that allows Action \"*\" on Resource \"*\"%s", [policy.id, origin(policy, doc)])}
}

unknown contains tf.undetermined_because(policy, reason) if {
	some type in policy_types
	some policy in tf.resources(type)
	doc := iam.read(policy, "policy")
	not administrator_in(doc)
	some reason in undecided(doc)
}

administrator(s) if {
	s.Effect == "Allow"
	"*" in s.Action
	"*" in s.Resource
}

administrator_in(doc) if {
	some s in doc.statements
	administrator(s)
}

undecided(doc) := {doc.unreadable}

undecided(doc) := {sprintf("a statement of %s has values known only after apply", [doc.source]) |
	some s in doc.statements
	count(s.Unknown) > 0
	may("Effect", s)
	may("Action", s)
	may("Resource", s)
} if not doc.unreadable

# may holds when a field of a statement makes it an administrator statement
# or is known only after apply.
may(field, s) if field in s.Unknown

may("Effect", s) if s.Effect == "Allow"

may("Action", s) if "*" in s.Action

may("Resource", s) if "*" in s.Resource

origin(policy, doc) := "" if {
	doc.source == sprintf("%s.policy", [policy.id])
} else := sprintf(" (in %s)", [doc.source])
