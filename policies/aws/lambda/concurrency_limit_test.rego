package soc2scan.rules.aws.lambda.concurrency_limit_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.lambda.concurrency_limit

fn(name, values) := {"id": sprintf("aws_lambda_function.%s", [name]), "type": "aws_lambda_function", "values": values}

test_fail_unreserved if {
	findings := concurrency_limit.deny with input as doc([fn("a", {}), fn("b", {"reserved_concurrent_executions": -1})])
	findings == {
		{"resource": "aws_lambda_function.a", "message": "aws_lambda_function.a does not set reserved_concurrent_executions: its concurrency is unbounded"},
		{"resource": "aws_lambda_function.b", "message": "aws_lambda_function.b has reserved_concurrent_executions = -1: its concurrency is unbounded"},
	}
}

test_pass_reserved if {
	count(concurrency_limit.deny) == 0 with input as doc([fn("a", {"reserved_concurrent_executions": 50}), fn("b", {"reserved_concurrent_executions": "10"})])
}

test_unknown_is_not_a_finding if {
	d := doc([object.union(fn("a", {}), {"unknown": {"reserved_concurrent_executions": true}})])
	count(concurrency_limit.deny) == 0 with input as d
	concurrency_limit.unknown == {{"resource": "aws_lambda_function.a", "message": "reserved_concurrent_executions is known only after apply"}} with input as d
}
