# METADATA
# title: Policy documents do not grant full administrator access
# description: >-
#   No IAM policy document kept as a JSON or YAML file (an identity policy
#   or a resource policy) has a statement that allows Action "*" (or "*:*")
#   on Resource "*". Policy files are applied by scripts, CloudFormation or
#   the console; full administrator grants in them defeat least privilege
#   and segregation of duties just as they do in Terraform, and an auditor
#   expects such access to be rare, named and reviewed.
# custom:
#   id: CFG-IAM-001
#   severity: high
#   criteria: [CC1.3, CC6.3]
#   resource_types: [iam_policy, s3_bucket_policy, resource_policy]
#   remediation: >-
#     Replace Action "*" on Resource "*" with the actions and resource ARNs
#     the principal needs; keep break-glass administrator access in one
#     audited role and waive this finding for it.
package soc2scan.rules.config.iam.admin_policy

import data.soc2scan.lib.config

deny contains finding if {
	some type in config.policy_types
	some r in config.resources(type)
	some entry in config.statements(r)
	s := entry.statement
	s.Effect == "Allow"
	some action in s.Action
	action in {"*", "*:*"}
	"*" in s.Resource
	finding := {"resource": r.id, "path": entry.path, "message": sprintf(
		"%s: %s allows Action %q on Resource \"*\"",
		[r.id, config.label(entry), action],
	)}
}
