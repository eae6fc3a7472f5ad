package soc2scan.rules.aws.sqs.dead_letter_queue_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.sqs.dead_letter_queue

test_fail_no_redrive if {
	findings := dead_letter_queue.deny with input as doc([{"id": "aws_sqs_queue.jobs", "type": "aws_sqs_queue"}])
	findings == {{"resource": "aws_sqs_queue.jobs", "message": "aws_sqs_queue.jobs has no redrive_policy sending failed messages to a dead-letter queue"}}
}

test_pass_redrive_and_dead_letter_queue if {
	count(dead_letter_queue.deny) == 0 with input as doc([
		{"id": "aws_sqs_queue.dlq", "type": "aws_sqs_queue"},
		{"id": "aws_sqs_queue.jobs", "type": "aws_sqs_queue", "unknown": {"redrive_policy": true}, "refs": {"redrive_policy": ["aws_sqs_queue.dlq"]}},
		{"id": "aws_sqs_queue.other", "type": "aws_sqs_queue"},
		{"id": "aws_sqs_queue_redrive_policy.other", "type": "aws_sqs_queue_redrive_policy", "refs": {"queue_url": ["aws_sqs_queue.other"], "redrive_policy": ["aws_sqs_queue.dlq"]}},
	])
}

test_unknown_redrive_is_not_a_finding if {
	d := doc([{"id": "aws_sqs_queue.jobs", "type": "aws_sqs_queue", "unknown": {"redrive_policy": true}}])
	count(dead_letter_queue.deny) == 0 with input as d
	dead_letter_queue.unknown == {{"resource": "aws_sqs_queue.jobs", "message": "redrive_policy is known only after apply"}} with input as d
}
