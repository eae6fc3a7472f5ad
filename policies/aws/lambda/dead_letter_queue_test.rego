package soc2scan.rules.aws.lambda.dead_letter_queue_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.lambda.dead_letter_queue

fn(name, values) := {"id": sprintf("aws_lambda_function.%s", [name]), "type": "aws_lambda_function", "values": values}

invoke_config(target, destination) := {
	"id": "aws_lambda_function_event_invoke_config.this",
	"type": "aws_lambda_function_event_invoke_config",
	"values": {"destination_config": [{"on_failure": [{"destination": destination}]}]},
	"refs": {"function_name": [target]},
}

test_fail_no_dead_letter_queue if {
	findings := dead_letter_queue.deny with input as doc([fn("a", {}), fn("b", {}), invoke_config("aws_lambda_function.b", "arn:aws:sqs:eu-west-1:1:dlq")])
	findings == {{"resource": "aws_lambda_function.a", "message": "aws_lambda_function.a has no dead_letter_config target_arn and no on_failure destination for failed asynchronous events"}}
}

test_pass_dead_letter_config if {
	count(dead_letter_queue.deny) == 0 with input as doc([fn("a", {"dead_letter_config": [{"target_arn": "arn:aws:sqs:eu-west-1:1:dlq"}]})])
}

test_unknown_dead_letter_config_is_not_a_finding if {
	d := doc([object.union(fn("a", {}), {"unknown": {"dead_letter_config": true}})])
	count(dead_letter_queue.deny) == 0 with input as d
	dead_letter_queue.unknown == {{"resource": "aws_lambda_function.a", "message": "dead_letter_config.target_arn is known only after apply"}} with input as d
}
