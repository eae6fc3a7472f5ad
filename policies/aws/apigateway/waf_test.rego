package soc2scan.rules.aws.apigateway.waf_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.apigateway.waf

test_fail_no_association if {
	findings := waf.deny with input as doc([
		{"id": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage"},
		{"id": "aws_wafregional_web_acl_association.a", "type": "aws_wafregional_web_acl_association", "refs": {"resource_arn": ["aws_api_gateway_stage.other"]}},
	])
	findings == {{"resource": "aws_api_gateway_stage.prod", "message": "aws_api_gateway_stage.prod has no WAF web ACL association referring to it"}}
}

test_pass_association if {
	count(waf.deny) == 0 with input as doc([
		{"id": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage"},
		{"id": "aws_wafv2_web_acl_association.a", "type": "aws_wafv2_web_acl_association", "refs": {"resource_arn": ["aws_api_gateway_stage.prod"]}},
	])
}
