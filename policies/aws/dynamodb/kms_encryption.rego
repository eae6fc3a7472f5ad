# METADATA
# title: DynamoDB tables encrypt with a KMS key
# description: >-
#   Every aws_dynamodb_table has server_side_encryption { enabled = true },
#   so that its data is encrypted with a KMS key (a customer-managed key in
#   kms_key_arn, or the AWS managed aws/dynamodb key) rather than a key
#   owned by DynamoDB. A KMS key has a key policy that decides who may
#   decrypt and a CloudTrail record of every use, evidence an AWS owned key
#   cannot give.
# custom:
#   id: AWS-DDB-002
#   severity: medium
#   criteria: [CC6.1, PI1.5]
#   resource_types: [aws_dynamodb_table]
#   remediation: >-
#     Add server_side_encryption { enabled = true, kms_key_arn =
#     aws_kms_key.dynamodb.arn }.
#   rationale: >-
#     The control-map row asks for a customer-managed key; like Prowler's
#     check, the rule accepts any KMS key (the AWS managed aws/dynamodb key
#     too), because that is what gives a key policy and CloudTrail evidence;
#     tables with enabled = true and no kms_key_arn pass.
package soc2scan.rules.aws.dynamodb.kms_encryption

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

resources := tf.resources("aws_dynamodb_table")

deny contains finding if {
	some r in resources
	why := aws.disabled(r, ["server_side_encryption", 0, "enabled"])
	finding := {"resource": r.id, "message": sprintf("%s %s", [r.id, why])}
}

unknown contains tf.undetermined(r, ["server_side_encryption", 0, "enabled"]) if {
	some r in resources
	tf.is_unknown(r, ["server_side_encryption", 0, "enabled"])
}
