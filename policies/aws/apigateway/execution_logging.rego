# METADATA
# title: API Gateway stages have execution logging
# description: >-
#   Every REST API aws_api_gateway_stage has an
#   aws_api_gateway_method_settings whose stage_name refers to it, every
#   method settings resource sets settings.logging_level to INFO or ERROR
#   (the default is OFF), and every aws_apigatewayv2_stage of a WebSocket
#   (or unknown) API sets default_route_settings.logging_level to INFO or
#   ERROR. Execution logs show errors, throttling and authorizer failures:
#   the monitoring an auditor expects for detecting and diagnosing
#   incidents.
# custom:
#   id: AWS-APIGW-002
#   severity: medium
#   criteria: [CC7.2, CC7.3, A1.2]
#   resource_types: [aws_api_gateway_stage, aws_api_gateway_method_settings, aws_apigatewayv2_stage]
#   remediation: >-
#     Add an aws_api_gateway_method_settings with stage_name =
#     aws_api_gateway_stage.NAME.stage_name, method_path = "*/*" and
#     settings { logging_level = "ERROR", metrics_enabled = true }; on
#     WebSocket stages set default_route_settings { logging_level = "ERROR" }.
package soc2scan.rules.aws.apigateway.execution_logging

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

levels := {"INFO", "ERROR"}

deny contains finding if {
	some s in tf.resources("aws_api_gateway_stage")
	not tf.has_related(s, "aws_api_gateway_method_settings", "stage_name")
	finding := {"resource": s.id, "message": sprintf("%s has no aws_api_gateway_method_settings enabling execution logging", [s.id])}
}

deny contains finding if {
	some m in tf.resources("aws_api_gateway_method_settings")
	why := not_logging(m, ["settings", 0, "logging_level"])
	finding := {"resource": m.id, "message": sprintf("%s %s", [m.id, why])}
}

deny contains finding if {
	some s in tf.resources("aws_apigatewayv2_stage")
	not http_api(s)
	why := not_logging(s, ["default_route_settings", 0, "logging_level"])
	finding := {"resource": s.id, "message": sprintf("%s %s", [s.id, why])}
}

unknown contains tf.undetermined(m, "settings.logging_level") if {
	some m in tf.resources("aws_api_gateway_method_settings")
	tf.is_unknown(m, ["settings", 0, "logging_level"])
}

unknown contains tf.undetermined(s, "default_route_settings.logging_level") if {
	some s in tf.resources("aws_apigatewayv2_stage")
	not http_api(s)
	tf.is_unknown(s, ["default_route_settings", 0, "logging_level"])
}

not_logging(r, path) := sprintf("does not set %s (the default is OFF)", [aws.attribute_name(path)]) if {
	aws.blank(r, path)
} else := sprintf("has %s = %q, not INFO or ERROR", [aws.attribute_name(path), level]) if {
	level := tf.value(r, path)
	is_string(level)
	not upper(level) in levels
}

# HTTP APIs have no execution logs; only WebSocket stages are judged.
http_api(s) if {
	some api in tf.refers_to(s, "api_id")
	upper(tf.value(api, "protocol_type")) == "HTTP"
}
