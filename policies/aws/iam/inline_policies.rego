# METADATA
# title: IAM permissions are granted through managed policies, not inline ones
# description: >-
#   Flags every aws_iam_role_policy, aws_iam_user_policy and
#   aws_iam_group_policy, and every aws_iam_role with an inline_policy block
#   that has a policy. Inline policies live inside one identity, cannot be
#   reused, versioned or listed as a policy, and so escape the review of
#   managed policies an auditor relies on to show who can do what.
# custom:
#   id: AWS-IAM-003
#   severity: low
#   criteria: [CC1.3, CC6.1, CC6.3]
#   resource_types: [aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role]
#   remediation: >-
#     Move the statements into an aws_iam_policy and attach it with
#     aws_iam_role_policy_attachment or aws_iam_group_policy_attachment (or
#     managed_policy_arns on the role).
package soc2scan.rules.aws.iam.inline_policies

import data.soc2scan.lib.terraform as tf

owners := {"aws_iam_role_policy": "role", "aws_iam_user_policy": "user", "aws_iam_group_policy": "group"}

deny contains finding if {
	some type, owner in owners
	some p in tf.resources(type)
	finding := {"resource": p.id, "message": sprintf("%s is an inline policy of an IAM %s", [p.id, owner])}
}

deny contains finding if {
	some role in tf.resources("aws_iam_role")
	named := [sprintf("%v", [object.get(b, "name", i)]) | some i, b in tf.blocks(role, "inline_policy"); object.get(b, "policy", "") != ""]
	count(named) > 0
	finding := {"resource": role.id, "message": sprintf("%s has inline_policy blocks with a policy (%s)", [role.id, concat(", ", named)])}
}

unknown contains tf.undetermined(role, "inline_policy") if {
	some role in tf.resources("aws_iam_role")
	tf.is_unknown(role, "inline_policy")
}
