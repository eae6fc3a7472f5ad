# METADATA
# title: API Gateway REST API stages are protected by a WAF
# description: >-
#   Every aws_api_gateway_stage is the resource_arn of an
#   aws_wafv2_web_acl_association or aws_wafregional_web_acl_association.
#   A web application firewall filters injection, bad bots and floods
#   before they reach the API's integrations: the boundary protection an
#   auditor looks for in front of a public API.
# custom:
#   id: AWS-APIGW-004
#   severity: medium
#   criteria: [CC6.1, CC6.6]
#   resource_types: [aws_api_gateway_stage]
#   remediation: >-
#     Add an aws_wafv2_web_acl_association with resource_arn =
#     aws_api_gateway_stage.NAME.arn and web_acl_arn of a regional
#     aws_wafv2_web_acl.
#   rationale: >-
#     No control-map row; the criteria follow the alb-waf-enabled row, the
#     same protection in front of another public entry point.
package soc2scan.rules.aws.apigateway.waf

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some s in tf.resources("aws_api_gateway_stage")
	not aws.waf_protected(s)
	finding := {"resource": s.id, "message": sprintf("%s has no WAF web ACL association referring to it", [s.id])}
}
