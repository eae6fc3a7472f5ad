# METADATA
# title: SNS topics are encrypted at rest
# description: >-
#   Every aws_sns_topic sets kms_master_key_id to a KMS key (a customer
#   managed key or alias/aws/sns); without it, messages are stored
#   unencrypted while SNS delivers them. Encryption at rest protects the
#   notifications and the data they carry outside the topic's access
#   controls.
# custom:
#   id: AWS-SNS-001
#   severity: medium
#   criteria: [CC6.1, PI1.4]
#   resource_types: [aws_sns_topic]
#   remediation: Set kms_master_key_id = aws_kms_key.sns.arn (or "alias/aws/sns").
package soc2scan.rules.aws.sns.encrypted

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some t in tf.resources("aws_sns_topic")
	aws.blank(t, "kms_master_key_id")
	finding := {"resource": t.id, "message": sprintf("%s has no kms_master_key_id: its messages are not encrypted at rest", [t.id])}
}

unknown contains tf.undetermined(t, "kms_master_key_id") if {
	some t in tf.resources("aws_sns_topic")
	tf.is_unknown(t, "kms_master_key_id")
}
