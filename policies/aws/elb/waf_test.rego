package soc2scan.rules.aws.elb.waf_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.elb.waf

lb(name, values) := {"id": sprintf("aws_lb.%s", [name]), "type": "aws_lb", "values": values}

association(type, target) := {"id": sprintf("%s.this", [type]), "type": type, "refs": {"resource_arn": [target]}}

test_fail_public_alb_without_waf if {
	findings := waf.deny with input as doc([
		lb("web", {"internal": false}),
		lb("api", {}),
		association("aws_wafv2_web_acl_association", "aws_lb.api"),
	])
	findings == {{"resource": "aws_lb.web", "message": "aws_lb.web is an internet-facing application load balancer and no WAF web ACL association refers to it"}}
}

test_fail_association_for_another_alb if {
	findings := waf.deny with input as doc([
		{"id": "aws_alb.foo", "type": "aws_alb"},
		association("aws_wafregional_web_acl_association", "aws_alb.other"),
	])
	{f.resource | some f in findings} == {"aws_alb.foo"}
}

test_pass_protected_internal_or_network if {
	count(waf.deny) == 0 with input as doc([
		lb("web", {}),
		association("aws_wafregional_web_acl_association", "aws_lb.web"),
		lb("internal", {"internal": true}),
		lb("nlb", {"load_balancer_type": "network"}),
	])
}

test_unknown_internal_is_not_a_finding if {
	d := doc([object.union(lb("web", {}), {"unknown": {"internal": true}})])
	count(waf.deny) == 0 with input as d
	waf.unknown == {{"resource": "aws_lb.web", "message": "internal is known only after apply"}} with input as d
}
