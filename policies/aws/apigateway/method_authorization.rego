# METADATA
# title: API Gateway methods and routes require authorization
# description: >-
#   No aws_api_gateway_method other than OPTIONS (CORS preflight) has
#   authorization = "NONE", and every aws_apigatewayv2_route for an HTTP
#   method or a WebSocket $connect sets an authorization_type other than
#   NONE (the default). An API method without an authorizer can be called by
#   anyone who finds it; unauthenticated endpoints should be rare, named
#   and waived.
# custom:
#   id: AWS-APIGW-003
#   severity: medium
#   criteria: [CC6.1]
#   resource_types: [aws_api_gateway_method, aws_apigatewayv2_route]
#   remediation: >-
#     Set authorization = "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM" with an
#     authorizer_id (REST), or authorization_type = "JWT", "AWS_IAM" or
#     "CUSTOM" (HTTP and WebSocket APIs); waive public endpoints explicitly.
package soc2scan.rules.aws.apigateway.method_authorization

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some m in tf.resources("aws_api_gateway_method")
	upper(tf.value(m, "authorization")) == "NONE"
	upper(tf.value(m, "http_method")) != "OPTIONS"
	finding := {"resource": m.id, "message": sprintf("%s has authorization = \"NONE\"", [m.id])}
}

deny contains finding if {
	some r in tf.resources("aws_apigatewayv2_route")
	authorizable(r)
	aws.absent(r, "authorization_type")
	finding := {"resource": r.id, "message": sprintf("%s does not set authorization_type (the default is NONE)", [r.id])}
}

deny contains finding if {
	some r in tf.resources("aws_apigatewayv2_route")
	authorizable(r)
	upper(tf.value(r, "authorization_type")) == "NONE"
	finding := {"resource": r.id, "message": sprintf("%s has authorization_type = \"NONE\"", [r.id])}
}

unknown contains tf.undetermined(m, "authorization") if {
	some m in tf.resources("aws_api_gateway_method")
	tf.is_unknown(m, "authorization")
}

unknown contains tf.undetermined(r, "authorization_type") if {
	some r in tf.resources("aws_apigatewayv2_route")
	authorizable(r)
	tf.is_unknown(r, "authorization_type")
}

# Routes that can carry an authorizer: HTTP API routes for a method and
# the WebSocket $connect route.
authorizable(r) if regex.match(`^(GET|POST|PUT|PATCH|DELETE|HEAD|ANY) `, tf.value(r, "route_key"))

authorizable(r) if tf.value(r, "route_key") == "$connect"
