# METADATA
# title: API Gateway stages write access logs
# description: >-
#   Every aws_api_gateway_stage and aws_apigatewayv2_stage has
#   access_log_settings with a destination_arn. Access logs record each
#   request to the API with its caller, route and status: the evidence for
#   detecting abuse of the API and investigating incidents.
# custom:
#   id: AWS-APIGW-001
#   severity: medium
#   criteria: [CC7.2, CC7.3, A1.2]
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_stage]
#   remediation: >-
#     Add access_log_settings { destination_arn =
#     aws_cloudwatch_log_group.api.arn, format = jsonencode({...}) } (REST
#     APIs also need the account's CloudWatch role in
#     aws_api_gateway_account).
package soc2scan.rules.aws.apigateway.access_logging

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

stages := array.concat(tf.resources("aws_api_gateway_stage"), tf.resources("aws_apigatewayv2_stage"))

deny contains finding if {
	some s in stages
	aws.blank(s, ["access_log_settings", 0, "destination_arn"])
	finding := {"resource": s.id, "message": sprintf("%s has no access_log_settings.destination_arn: it writes no access logs", [s.id])}
}

unknown contains tf.undetermined(s, "access_log_settings.destination_arn") if {
	some s in stages
	tf.is_unknown(s, ["access_log_settings", 0, "destination_arn"])
}
