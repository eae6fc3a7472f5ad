# METADATA
# title: IAM policies are not attached directly to users
# description: >-
#   No aws_iam_user_policy_attachment or aws_iam_user_policy exists, and no
#   aws_iam_policy_attachment lists users. Permissions granted to groups or
#   roles follow a person's job function and are removed in one place when
#   it changes; policies on individual users accumulate unreviewed, which
#   is what an auditor testing role-based access looks for.
# custom:
#   id: AWS-IAM-004
#   severity: medium
#   criteria: [CC1.3, CC6.3]
#   resource_types: [aws_iam_user_policy_attachment, aws_iam_user_policy, aws_iam_policy_attachment]
#   remediation: >-
#     Attach the policy to an aws_iam_group (aws_iam_group_policy_attachment)
#     and add the user to the group with aws_iam_user_group_membership, or
#     grant it to a role the user assumes.
package soc2scan.rules.aws.iam.user_policies

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some p in tf.resources("aws_iam_user_policy_attachment")
	finding := {"resource": p.id, "message": sprintf("%s attaches a managed policy directly to an IAM user", [p.id])}
}

deny contains finding if {
	some p in tf.resources("aws_iam_user_policy")
	finding := {"resource": p.id, "message": sprintf("%s is a policy on an IAM user", [p.id])}
}

deny contains finding if {
	some p in tf.resources("aws_iam_policy_attachment")
	has_users(p)
	finding := {"resource": p.id, "message": sprintf("%s attaches its policy to users", [p.id])}
}

unknown contains tf.undetermined(p, "users") if {
	some p in tf.resources("aws_iam_policy_attachment")
	not has_users(p)
	tf.contains_unknown(p, "users")
}

# A list of users with elements known only after apply still names users.
has_users(p) if {
	users := tf.value(p, "users")
	is_array(users)
	count(users) > 0
}

has_users(p) if {
	users := object.get(p.unknown, "users", false)
	is_array(users)
	count(users) > 0
}

has_users(p) if count(object.get(p.refs, "users", [])) > 0
