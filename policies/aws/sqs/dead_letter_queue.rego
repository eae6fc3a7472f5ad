# METADATA
# title: SQS queues have a dead-letter queue
# description: >-
#   Every aws_sqs_queue that is not itself a dead-letter queue has a
#   redrive_policy (inline or through an aws_sqs_queue_redrive_policy whose
#   queue_url refers to it) sending messages that keep failing to a
#   dead-letter queue. Without one, a poison message is retried until it
#   expires and is then lost: failed processing is neither noticed nor
#   recoverable.
# custom:
#   id: AWS-SQS-002
#   severity: low
#   criteria: [CC7.2, CC7.3, CC7.4, PI1.3]
#   resource_types: [aws_sqs_queue]
#   remediation: >-
#     Set redrive_policy = jsonencode({ deadLetterTargetArn =
#     aws_sqs_queue.dlq.arn, maxReceiveCount = 5 }) (or add an
#     aws_sqs_queue_redrive_policy) and alarm on the dead-letter queue's
#     ApproximateNumberOfMessagesVisible.
package soc2scan.rules.aws.sqs.dead_letter_queue

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some q in tf.resources("aws_sqs_queue")
	aws.blank(q, "redrive_policy")
	not tf.has_related(q, "aws_sqs_queue_redrive_policy", "queue_url")
	not dead_letter_queue(q)
	finding := {"resource": q.id, "message": sprintf("%s has no redrive_policy sending failed messages to a dead-letter queue", [q.id])}
}

unknown contains tf.undetermined(q, "redrive_policy") if {
	some q in tf.resources("aws_sqs_queue")
	tf.is_unknown(q, "redrive_policy")
	count(object.get(q.refs, "redrive_policy", [])) == 0
}

# A queue is a dead-letter queue when another queue's redrive policy, or a
# redrive allow policy, refers to it.
dead_letter_queue(q) if tf.has_related(q, "aws_sqs_queue", "redrive_policy")

dead_letter_queue(q) if tf.has_related(q, "aws_sqs_queue_redrive_policy", "redrive_policy")

dead_letter_queue(q) if tf.has_related(q, "aws_sqs_queue_redrive_allow_policy", "queue_url")

dead_letter_queue(q) if not aws.blank(q, "redrive_allow_policy")
