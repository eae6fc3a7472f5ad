# METADATA
# title: SQS queue policies do not allow everyone
# description: >-
#   No aws_sqs_queue_policy policy and no inline policy of an aws_sqs_queue allows Principal "*"
#   without a condition that restricts it to specific accounts, an
#   organisation, source ARNs, VPCs or IP ranges. Such a statement lets any
#   AWS account use the queue (read or inject messages, or change it),
#   bypassing the access controls around the data it carries.
# custom:
#   id: AWS-SQS-003
#   severity: critical
#   criteria: [CC6.1, CC6.3, CC6.6]
#   resource_types: [aws_sqs_queue_policy, aws_sqs_queue]
#   remediation: >-
#     Name the accounts, roles or service principals in Principal, or keep
#     "*" only with a condition such as aws:SourceArn (for the service that
#     sends to the queue) or aws:PrincipalOrgID.
package soc2scan.rules.aws.sqs.policy_not_public

import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

policies := array.concat(tf.resources("aws_sqs_queue_policy"), tf.resources("aws_sqs_queue"))

deny contains finding if {
	some p in policies
	doc := iam.read(p, "policy")
	count(aws.public_statements(doc)) > 0
	finding := {"resource": p.id, "message": sprintf("%s allows Principal \"*\" with no condition restricting who can use it (%s)", [p.id, doc.source])}
}

unknown contains tf.undetermined_because(p, reason) if {
	some p in policies
	doc := iam.read(p, "policy")
	count(aws.public_statements(doc)) == 0
	some reason in aws.undecided_statements(doc)
}
