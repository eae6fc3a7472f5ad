package soc2scan.rules.aws.elb.drop_invalid_headers_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.elb.drop_invalid_headers

test_fail_absent_or_false if {
	findings := drop_invalid_headers.deny with input as doc([
		{"id": "aws_alb.a", "type": "aws_alb"},
		{"id": "aws_lb.b", "type": "aws_lb", "values": {"load_balancer_type": "application", "drop_invalid_header_fields": false}},
	])
	findings == {
		{"resource": "aws_alb.a", "message": "aws_alb.a does not set drop_invalid_header_fields; the default is false"},
		{"resource": "aws_lb.b", "message": "aws_lb.b sets drop_invalid_header_fields = false"},
	}
}

test_pass_enabled_or_network if {
	count(drop_invalid_headers.deny) == 0 with input as doc([
		{"id": "aws_lb.a", "type": "aws_lb", "values": {"drop_invalid_header_fields": true}},
		{"id": "aws_lb.n", "type": "aws_lb", "values": {"load_balancer_type": "network"}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_lb.a", "type": "aws_lb", "unknown": {"drop_invalid_header_fields": true}}])
	count(drop_invalid_headers.deny) == 0 with input as d
	drop_invalid_headers.unknown == {{"resource": "aws_lb.a", "message": "drop_invalid_header_fields is known only after apply"}} with input as d
}
