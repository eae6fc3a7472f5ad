package soc2scan.rules.aws.apigateway.execution_logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.apigateway.execution_logging

settings(stage, values) := {"id": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "values": values, "refs": {"stage_name": [stage]}}

test_fail_no_or_off_logging if {
	findings := execution_logging.deny with input as doc([
		{"id": "aws_api_gateway_stage.a", "type": "aws_api_gateway_stage"},
		{"id": "aws_api_gateway_stage.b", "type": "aws_api_gateway_stage"},
		settings("aws_api_gateway_stage.b", {"method_path": "*/*", "settings": [{"logging_level": "OFF"}]}),
		{"id": "aws_apigatewayv2_stage.ws", "type": "aws_apigatewayv2_stage"},
	])
	findings == {
		{"resource": "aws_api_gateway_stage.a", "message": "aws_api_gateway_stage.a has no aws_api_gateway_method_settings enabling execution logging"},
		{"resource": "aws_api_gateway_method_settings.all", "message": "aws_api_gateway_method_settings.all has settings.logging_level = \"OFF\", not INFO or ERROR"},
		{"resource": "aws_apigatewayv2_stage.ws", "message": "aws_apigatewayv2_stage.ws does not set default_route_settings.logging_level (the default is OFF)"},
	}
}

test_pass_logging if {
	count(execution_logging.deny) == 0 with input as doc([
		{"id": "aws_api_gateway_stage.b", "type": "aws_api_gateway_stage"},
		settings("aws_api_gateway_stage.b", {"method_path": "*/*", "settings": [{"logging_level": "ERROR"}]}),
		{"id": "aws_apigatewayv2_stage.ws", "type": "aws_apigatewayv2_stage", "values": {"default_route_settings": [{"logging_level": "INFO"}]}},
		{"id": "aws_apigatewayv2_api.http", "type": "aws_apigatewayv2_api", "values": {"protocol_type": "HTTP"}},
		{"id": "aws_apigatewayv2_stage.http", "type": "aws_apigatewayv2_stage", "refs": {"api_id": ["aws_apigatewayv2_api.http"]}},
	])
}

test_unknown_level_is_not_a_finding if {
	d := doc([
		{"id": "aws_api_gateway_stage.b", "type": "aws_api_gateway_stage"},
		object.union(settings("aws_api_gateway_stage.b", {"settings": [{}]}), {"unknown": {"settings": [{"logging_level": true}]}}),
	])
	count(execution_logging.deny) == 0 with input as d
	execution_logging.unknown == {{"resource": "aws_api_gateway_method_settings.all", "message": "settings.logging_level is known only after apply"}} with input as d
}
