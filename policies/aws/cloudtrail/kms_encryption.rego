# METADATA
# title: CloudTrail logs are encrypted with a customer-managed KMS key
# description: >-
#   Every aws_cloudtrail sets kms_key_id, so that its log files are encrypted
#   with SSE-KMS under a key whose policy decides who may read them, on top
#   of the bucket's default encryption. The audit trail records every API
#   call of the account; an auditor expects reading it to be a controlled,
#   logged privilege rather than any reader of the bucket.
# custom:
#   id: AWS-CT-003
#   severity: medium
#   criteria: [CC6.1]
#   resource_types: [aws_cloudtrail]
#   remediation: >-
#     Set kms_key_id to the ARN of an aws_kms_key whose key policy lets
#     cloudtrail.amazonaws.com encrypt (kms:GenerateDataKey*) and only the
#     audit readers decrypt.
package soc2scan.rules.aws.cloudtrail.kms_encryption

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some trail in tf.resources("aws_cloudtrail")
	tf.value(trail, "kms_key_id") in {null, ""}
	tf.is_known(trail, "kms_key_id")
	finding := {"resource": trail.id, "message": sprintf("%s does not set kms_key_id: its log files are not encrypted with a customer-managed KMS key", [trail.id])}
}

unknown contains tf.undetermined(trail, "kms_key_id") if {
	some trail in tf.resources("aws_cloudtrail")
	tf.is_unknown(trail, "kms_key_id")
}
