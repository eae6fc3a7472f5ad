# METADATA
# title: IAM policies grant no privilege-escalation or audit-tampering actions
# description: >-
#   No statement of an aws_iam_policy, aws_iam_role_policy,
#   aws_iam_user_policy or aws_iam_group_policy allows iam:PassRole on every
#   resource, an action that rewrites IAM permissions
#   (iam:CreatePolicyVersion, iam:SetDefaultPolicyVersion,
#   iam:Attach/Put User/Group/Role Policy, iam:UpdateAssumeRolePolicy), or
#   an action that stops or deletes the audit trail (cloudtrail:StopLogging,
#   DeleteTrail, UpdateTrail, PutEventSelectors), wildcards included.
#   Whoever holds these can grant themselves any permission or erase the
#   record of doing so; an auditor expects them confined to named
#   administrator and audit roles. Full administrator statements are
#   AWS-IAM-001.
# custom:
#   id: AWS-IAM-006
#   severity: high
#   criteria: [CC3.3, CC6.3]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy]
#   remediation: >-
#     Remove the actions from the policy, or scope iam:PassRole to the ARNs
#     of the roles the principal must pass (with an iam:PassedToService
#     condition); keep IAM-writing and CloudTrail-changing actions to the
#     administrator and audit roles, and waive the finding for those.
package soc2scan.rules.aws.iam.privilege_escalation

import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.terraform as tf

policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

escalation_actions := [
	"iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
	"iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:AttachRolePolicy",
	"iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:PutRolePolicy",
	"iam:UpdateAssumeRolePolicy",
	"cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors",
]

deny contains finding if {
	some type in policy_types
	some policy in tf.resources(type)
	doc := iam.read(policy, "policy")
	found := dangerous(doc)
	count(found) > 0
	finding := {"resource": policy.id, "message": sprintf("%s allows %s%s", [policy.id, concat(", ", sort(found)), origin(policy, doc)])}
}

unknown contains tf.undetermined_because(policy, reason) if {
	some type in policy_types
	some policy in tf.resources(type)
	doc := iam.read(policy, "policy")
	count(dangerous(doc)) == 0
	some reason in iam.pending(doc)
}

dangerous(doc) := {action |
	some s in doc.statements
	not administrator(s)
	some action in escalation_actions
	iam.allows(s, action)
} | {"iam:PassRole on Resource \"*\"" |
	some s in doc.statements
	not administrator(s)
	iam.allows(s, "iam:PassRole")
	"*" in s.Resource
}

# Action "*" on Resource "*" is AWS-IAM-001's finding.
administrator(s) if {
	"*" in s.Action
	"*" in s.Resource
}

origin(policy, doc) := "" if {
	doc.source == sprintf("%s.policy", [policy.id])
} else := sprintf(" (in %s)", [doc.source])
