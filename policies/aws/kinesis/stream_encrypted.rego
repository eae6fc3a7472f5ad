# METADATA
# title: Kinesis data streams are encrypted with KMS
# description: >-
#   Every aws_kinesis_stream sets encryption_type = "KMS" with a kms_key_id
#   (a customer-managed key or alias/aws/kinesis); the default NONE stores
#   records unencrypted for the whole retention period.
# custom:
#   id: AWS-KIN-001
#   severity: medium
#   criteria: [CC6.1, PI1.4]
#   resource_types: [aws_kinesis_stream]
#   remediation: Set encryption_type = "KMS" and kms_key_id = aws_kms_key.kinesis.arn (or "alias/aws/kinesis").
package soc2scan.rules.aws.kinesis.stream_encrypted

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some s in tf.resources("aws_kinesis_stream")
	aws.absent(s, "encryption_type")
	finding := {"resource": s.id, "message": sprintf("%s does not set encryption_type; the default NONE leaves records unencrypted", [s.id])}
}

deny contains finding if {
	some s in tf.resources("aws_kinesis_stream")
	t := tf.value(s, "encryption_type")
	is_string(t)
	upper(t) != "KMS"
	finding := {"resource": s.id, "message": sprintf("%s has encryption_type = %q, not \"KMS\"", [s.id, t])}
}

deny contains finding if {
	some s in tf.resources("aws_kinesis_stream")
	upper(tf.value(s, "encryption_type")) == "KMS"
	aws.blank(s, "kms_key_id")
	finding := {"resource": s.id, "message": sprintf("%s sets encryption_type = \"KMS\" without a kms_key_id", [s.id])}
}

unknown contains tf.undetermined(s, attr) if {
	some s in tf.resources("aws_kinesis_stream")
	some attr in ["encryption_type", "kms_key_id"]
	tf.is_unknown(s, attr)
}
