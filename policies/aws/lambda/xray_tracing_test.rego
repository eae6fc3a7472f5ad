package soc2scan.rules.aws.lambda.xray_tracing_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.lambda.xray_tracing

fn(name, values) := {"id": sprintf("aws_lambda_function.%s", [name]), "type": "aws_lambda_function", "values": values}

test_fail_pass_through_or_absent if {
	findings := xray_tracing.deny with input as doc([fn("a", {"tracing_config": [{"mode": "PassThrough"}]}), fn("b", {})])
	findings == {
		{"resource": "aws_lambda_function.a", "message": "aws_lambda_function.a has tracing_config.mode = \"PassThrough\", not \"Active\""},
		{"resource": "aws_lambda_function.b", "message": "aws_lambda_function.b has no tracing_config; the default mode PassThrough does not trace it"},
	}
}

test_pass_active if {
	count(xray_tracing.deny) == 0 with input as doc([fn("a", {"tracing_config": [{"mode": "Active"}]})])
}

test_unknown_mode_is_not_a_finding if {
	d := doc([object.union(fn("a", {"tracing_config": [{}]}), {"unknown": {"tracing_config": [{"mode": true}]}})])
	count(xray_tracing.deny) == 0 with input as d
	xray_tracing.unknown == {{"resource": "aws_lambda_function.a", "message": "tracing_config.mode is known only after apply"}} with input as d
}
