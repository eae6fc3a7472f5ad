# METADATA
# title: Secrets Manager secrets use a customer-managed KMS key
# description: >-
#   Every aws_secretsmanager_secret sets kms_key_id; without it the secret
#   is encrypted with the AWS managed key aws/secretsmanager, whose key
#   policy lets every principal of the account with Secrets Manager access
#   decrypt it. A customer-managed key adds a second, separately controlled
#   permission to read the secret and can be shared across accounts.
# custom:
#   id: AWS-SM-002
#   severity: low
#   criteria: [CC6.1]
#   resource_types: [aws_secretsmanager_secret]
#   remediation: Set kms_key_id = aws_kms_key.secrets.arn with a key policy limited to the secret's readers.
#   rationale: >-
#     No control-map row; a customer-managed key restricts who can decrypt
#     the credential, a logical access control (CC6.1).
package soc2scan.rules.aws.secretsmanager.kms_key

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some s in tf.resources("aws_secretsmanager_secret")
	aws.blank(s, "kms_key_id")
	finding := {"resource": s.id, "message": sprintf("%s has no kms_key_id: it is encrypted with the AWS managed key aws/secretsmanager", [s.id])}
}

unknown contains tf.undetermined(s, "kms_key_id") if {
	some s in tf.resources("aws_secretsmanager_secret")
	tf.is_unknown(s, "kms_key_id")
}
