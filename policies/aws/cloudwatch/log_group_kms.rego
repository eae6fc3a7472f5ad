# METADATA
# title: CloudWatch log groups are encrypted with a customer-managed KMS key
# description: >-
#   Every aws_cloudwatch_log_group sets kms_key_id. Logs carry request data,
#   identifiers and sometimes secrets; with a customer-managed key, reading
#   them needs a grant in the key policy, which is logged and can be revoked.
#   An auditor expects sensitive log data to be encrypted under keys the
#   organisation controls.
# custom:
#   id: AWS-CW-001
#   severity: medium
#   criteria: [CC6.1, CC7.3]
#   resource_types: [aws_cloudwatch_log_group]
#   remediation: >-
#     Set kms_key_id to the ARN of an aws_kms_key whose key policy allows the
#     logs.<region>.amazonaws.com service principal to use it.
package soc2scan.rules.aws.cloudwatch.log_group_kms

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some group in tf.resources("aws_cloudwatch_log_group")
	tf.value(group, "kms_key_id") in {null, ""}
	tf.is_known(group, "kms_key_id")
	finding := {"resource": group.id, "message": sprintf("%s does not set kms_key_id: its logs are not encrypted with a customer-managed KMS key", [group.id])}
}

unknown contains tf.undetermined(group, "kms_key_id") if {
	some group in tf.resources("aws_cloudwatch_log_group")
	tf.is_unknown(group, "kms_key_id")
}
