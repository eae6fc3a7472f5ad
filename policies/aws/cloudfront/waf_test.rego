package soc2scan.rules.aws.cloudfront.waf_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudfront.waf

test_fail_no_web_acl if {
	findings := waf.deny with input as doc([{"id": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution"}])
	findings == {{"resource": "aws_cloudfront_distribution.cdn", "message": "aws_cloudfront_distribution.cdn has no web_acl_id: no WAF web ACL protects it"}}
}

test_pass_web_acl if {
	count(waf.deny) == 0 with input as doc([{"id": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "values": {"web_acl_id": "arn:aws:wafv2:us-east-1:1:global/webacl/x/y"}}])
}

test_unknown_web_acl_is_not_a_finding if {
	d := doc([{"id": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "unknown": {"web_acl_id": true}}])
	count(waf.deny) == 0 with input as d
	waf.unknown == {{"resource": "aws_cloudfront_distribution.cdn", "message": "web_acl_id is known only after apply"}} with input as d
}
