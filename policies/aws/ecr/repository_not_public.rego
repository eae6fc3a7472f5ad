# METADATA
# title: ECR repository policies do not open the repository to everyone
# description: >-
#   No aws_ecr_repository_policy allows Principal "*" without a condition
#   that restricts it to specific accounts, an organisation, source ARNs,
#   VPCs or IP ranges. Such a statement lets any AWS account pull the
#   repository's images, which often hold code and secrets, or push
#   images that will then be deployed.
# custom:
#   id: AWS-ECR-003
#   severity: critical
#   criteria: [CC6.1]
#   resource_types: [aws_ecr_repository_policy]
#   remediation: >-
#     Name the accounts or roles in Principal, or keep "*" only with a
#     condition such as aws:PrincipalOrgID = your organisation id.
package soc2scan.rules.aws.ecr.repository_not_public

import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some p in tf.resources("aws_ecr_repository_policy")
	doc := iam.read(p, "policy")
	count(aws.public_statements(doc)) > 0
	finding := {"resource": p.id, "message": sprintf("%s allows Principal \"*\" with no condition restricting who can use it (%s)", [p.id, doc.source])}
}

unknown contains tf.undetermined_because(p, reason) if {
	some p in tf.resources("aws_ecr_repository_policy")
	doc := iam.read(p, "policy")
	count(aws.public_statements(doc)) == 0
	some reason in aws.undecided_statements(doc)
}
