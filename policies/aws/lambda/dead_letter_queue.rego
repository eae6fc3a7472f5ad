# METADATA
# title: Lambda functions keep failed asynchronous events
# description: >-
#   Every aws_lambda_function has a dead_letter_config with a target_arn, or
#   an aws_lambda_function_event_invoke_config whose function_name refers to
#   it has a destination_config on_failure destination. Without one, an
#   asynchronous event that fails all retries is dropped silently: no alert,
#   no record, no way to reprocess it.
# custom:
#   id: AWS-LAMBDA-002
#   severity: low
#   criteria: [CC7.2, CC7.3, CC7.4, PI1.3]
#   resource_types: [aws_lambda_function]
#   remediation: >-
#     Add dead_letter_config { target_arn = aws_sqs_queue.dlq.arn } (or an SNS
#     topic), or an aws_lambda_function_event_invoke_config with
#     destination_config { on_failure { destination = ... } }, and alarm on
#     the queue's depth.
package soc2scan.rules.aws.lambda.dead_letter_queue

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some f in tf.resources("aws_lambda_function")
	tf.is_known(f, ["dead_letter_config", 0, "target_arn"])
	not dead_letter_queue(f)
	not on_failure_destination(f)
	not undecided(f)
	finding := {"resource": f.id, "message": sprintf("%s has no dead_letter_config target_arn and no on_failure destination for failed asynchronous events", [f.id])}
}

unknown contains tf.undetermined(f, "dead_letter_config.target_arn") if {
	some f in tf.resources("aws_lambda_function")
	tf.is_unknown(f, ["dead_letter_config", 0, "target_arn"])
}

unknown contains tf.undetermined_because(f, "the on_failure destination of its event invoke config is known only after apply") if {
	some f in tf.resources("aws_lambda_function")
	undecided(f)
	not dead_letter_queue(f)
}

dead_letter_queue(f) if aws.has_value(f, ["dead_letter_config", 0, "target_arn"])

on_failure_destination(f) if {
	some c in tf.related(f, "aws_lambda_function_event_invoke_config", "function_name")
	aws.has_value(c, ["destination_config", 0, "on_failure", 0, "destination"])
}

undecided(f) if {
	some c in tf.related(f, "aws_lambda_function_event_invoke_config", "function_name")
	tf.is_unknown(c, ["destination_config", 0, "on_failure", 0, "destination"])
}
