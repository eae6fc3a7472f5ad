# METADATA
# title: Policy documents do not allow with NotAction
# description: >-
#   No statement of an IAM policy document file combines Effect "Allow" with
#   NotAction. Such a statement grants every action of every AWS service
#   except those listed, including services and actions AWS adds later: it
#   is an administrator grant in disguise, and it silently widens over time,
#   which is the opposite of the least privilege an auditor checks for.
# custom:
#   id: CFG-IAM-002
#   severity: high
#   criteria: [CC1.3, CC6.3]
#   resource_types: [iam_policy, s3_bucket_policy, resource_policy]
#   remediation: >-
#     Replace NotAction with an Action list of what the principal needs. To
#     block a few actions under a broad grant, keep a scoped Allow and add a
#     Deny statement for the actions to block.
#   rationale: >-
#     Same control as the reference row iam-policy-no-wildcard-admin
#     (CC1.3, CC6.3): Allow with NotAction grants all but the listed actions.
package soc2scan.rules.config.iam.not_action_allow

import data.soc2scan.lib.config

deny contains finding if {
	some type in config.policy_types
	some r in config.resources(type)
	some entry in config.statements(r)
	s := entry.statement
	s.Effect == "Allow"
	count(s.NotAction) > 0
	finding := {"resource": r.id, "path": entry.path, "message": sprintf(
		"%s: %s allows every action except %s (Effect \"Allow\" with NotAction)",
		[r.id, config.label(entry), concat(", ", s.NotAction)],
	)}
}
