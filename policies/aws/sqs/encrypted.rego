# METADATA
# title: SQS queues are encrypted at rest
# description: >-
#   Every aws_sqs_queue declares server-side encryption: SSE-KMS with
#   kms_master_key_id, or SSE-SQS with sqs_managed_sse_enabled = true.
#   Declaring it in code is the evidence that queued messages are encrypted
#   at rest; a queue that declares neither depends on account and service
#   defaults the configuration does not show, and one that sets
#   sqs_managed_sse_enabled = false without a KMS key is unencrypted.
# custom:
#   id: AWS-SQS-001
#   severity: medium
#   criteria: [CC6.1, PI1.4]
#   resource_types: [aws_sqs_queue]
#   remediation: >-
#     Set kms_master_key_id = aws_kms_key.sqs.arn (or "alias/aws/sqs"), or
#     sqs_managed_sse_enabled = true.
package soc2scan.rules.aws.sqs.encrypted

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some q in tf.resources("aws_sqs_queue")
	aws.blank(q, "kms_master_key_id")
	aws.is_false(q, "sqs_managed_sse_enabled")
	finding := {"resource": q.id, "message": sprintf("%s sets sqs_managed_sse_enabled = false and has no kms_master_key_id: its messages are not encrypted at rest", [q.id])}
}

deny contains finding if {
	some q in tf.resources("aws_sqs_queue")
	aws.blank(q, "kms_master_key_id")
	aws.absent(q, "sqs_managed_sse_enabled")
	finding := {"resource": q.id, "message": sprintf("%s declares no server-side encryption (neither kms_master_key_id nor sqs_managed_sse_enabled = true)", [q.id])}
}

unknown contains tf.undetermined(q, attr) if {
	some q in tf.resources("aws_sqs_queue")
	some attr in ["kms_master_key_id", "sqs_managed_sse_enabled"]
	tf.is_unknown(q, attr)
	not aws.has_value(q, "kms_master_key_id")
	not aws.is_true(q, "sqs_managed_sse_enabled")
}
