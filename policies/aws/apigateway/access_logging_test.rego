package soc2scan.rules.aws.apigateway.access_logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.apigateway.access_logging

test_fail_no_access_logs if {
	findings := access_logging.deny with input as doc([
		{"id": "aws_api_gateway_stage.a", "type": "aws_api_gateway_stage"},
		{"id": "aws_apigatewayv2_stage.b", "type": "aws_apigatewayv2_stage", "values": {"default_route_settings": [{"logging_level": "ERROR"}]}},
	])
	findings == {
		{"resource": "aws_api_gateway_stage.a", "message": "aws_api_gateway_stage.a has no access_log_settings.destination_arn: it writes no access logs"},
		{"resource": "aws_apigatewayv2_stage.b", "message": "aws_apigatewayv2_stage.b has no access_log_settings.destination_arn: it writes no access logs"},
	}
}

test_pass_access_logs if {
	count(access_logging.deny) == 0 with input as doc([{"id": "aws_api_gateway_stage.a", "type": "aws_api_gateway_stage", "values": {"access_log_settings": [{"destination_arn": "arn", "format": "$context.requestId"}]}}])
}

test_unknown_destination_is_not_a_finding if {
	d := doc([{"id": "aws_api_gateway_stage.a", "type": "aws_api_gateway_stage", "values": {"access_log_settings": [{}]}, "unknown": {"access_log_settings": [{"destination_arn": true}]}}])
	count(access_logging.deny) == 0 with input as d
	access_logging.unknown == {{"resource": "aws_api_gateway_stage.a", "message": "access_log_settings.destination_arn is known only after apply"}} with input as d
}
