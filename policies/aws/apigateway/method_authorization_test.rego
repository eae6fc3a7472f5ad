package soc2scan.rules.aws.apigateway.method_authorization_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.apigateway.method_authorization

method(name, values) := {"id": sprintf("aws_api_gateway_method.%s", [name]), "type": "aws_api_gateway_method", "values": values}

route(name, values) := {"id": sprintf("aws_apigatewayv2_route.%s", [name]), "type": "aws_apigatewayv2_route", "values": values}

test_fail_unauthenticated if {
	findings := method_authorization.deny with input as doc([
		method("get", {"http_method": "GET", "authorization": "NONE"}),
		route("items", {"route_key": "GET /items"}),
		route("connect", {"route_key": "$connect", "authorization_type": "NONE"}),
	])
	findings == {
		{"resource": "aws_api_gateway_method.get", "message": "aws_api_gateway_method.get has authorization = \"NONE\""},
		{"resource": "aws_apigatewayv2_route.items", "message": "aws_apigatewayv2_route.items does not set authorization_type (the default is NONE)"},
		{"resource": "aws_apigatewayv2_route.connect", "message": "aws_apigatewayv2_route.connect has authorization_type = \"NONE\""},
	}
}

test_pass_authorized_preflight_and_websocket_routes if {
	count(method_authorization.deny) == 0 with input as doc([
		method("get", {"http_method": "GET", "authorization": "COGNITO_USER_POOLS"}),
		method("cors", {"http_method": "OPTIONS", "authorization": "NONE"}),
		route("items", {"route_key": "GET /items", "authorization_type": "JWT"}),
		route("message", {"route_key": "sendMessage"}),
	])
}

test_unknown_authorization_is_not_a_finding if {
	d := doc([object.union(method("get", {"http_method": "GET"}), {"unknown": {"authorization": true}})])
	count(method_authorization.deny) == 0 with input as d
	method_authorization.unknown == {{"resource": "aws_api_gateway_method.get", "message": "authorization is known only after apply"}} with input as d
}
