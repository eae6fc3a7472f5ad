package soc2scan.rules.aws.waf.web_acl_logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.waf.web_acl_logging

test_fail_no_logging if {
	findings := web_acl_logging.deny with input as doc([
		{"id": "aws_wafv2_web_acl.main", "type": "aws_wafv2_web_acl"},
		{"id": "aws_wafregional_web_acl.old", "type": "aws_wafregional_web_acl"},
	])
	findings == {
		{"resource": "aws_wafv2_web_acl.main", "message": "aws_wafv2_web_acl.main has no aws_wafv2_web_acl_logging_configuration"},
		{"resource": "aws_wafregional_web_acl.old", "message": "aws_wafregional_web_acl.old has no logging_configuration"},
	}
}

test_pass_logging if {
	count(web_acl_logging.deny) == 0 with input as doc([
		{"id": "aws_wafv2_web_acl.main", "type": "aws_wafv2_web_acl"},
		{"id": "aws_wafv2_web_acl_logging_configuration.main", "type": "aws_wafv2_web_acl_logging_configuration", "refs": {"resource_arn": ["aws_wafv2_web_acl.main"]}},
		{"id": "aws_waf_web_acl.old", "type": "aws_waf_web_acl", "values": {"logging_configuration": [{"log_destination": "arn"}]}},
	])
}

test_unknown_logging_is_not_a_finding if {
	d := doc([{"id": "aws_waf_web_acl.old", "type": "aws_waf_web_acl", "unknown": {"logging_configuration": true}}])
	count(web_acl_logging.deny) == 0 with input as d
	web_acl_logging.unknown == {{"resource": "aws_waf_web_acl.old", "message": "logging_configuration is known only after apply"}} with input as d
}
