package soc2scan.rules.aws.elb.access_logs_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.elb.access_logs

test_fail_bucket_without_enabled if {
	findings := access_logs.deny with input as doc([{"id": "aws_lb.web", "type": "aws_lb", "values": {"access_logs": [{"bucket": "logs"}]}}])
	findings == {{"resource": "aws_lb.web", "message": "aws_lb.web does not enable access_logs (access_logs.enabled is not true)"}}
}

test_fail_classic_without_or_disabled if {
	findings := access_logs.deny with input as doc([
		{"id": "aws_elb.a", "type": "aws_elb"},
		{"id": "aws_elb.b", "type": "aws_elb", "values": {"access_logs": [{"bucket": "logs", "enabled": false}]}},
	])
	findings == {
		{"resource": "aws_elb.a", "message": "aws_elb.a has no access_logs block"},
		{"resource": "aws_elb.b", "message": "aws_elb.b sets access_logs.enabled = false"},
	}
}

test_pass_logging if {
	count(access_logs.deny) == 0 with input as doc([
		{"id": "aws_lb.web", "type": "aws_lb", "values": {"access_logs": [{"bucket": "logs", "enabled": true}]}},
		{"id": "aws_alb.hcl", "type": "aws_alb", "values": {"access_logs": [{"bucket": "logs", "enabled": "true"}]}},
		{"id": "aws_elb.c", "type": "aws_elb", "values": {"access_logs": [{"bucket": "logs"}]}},
		{"id": "aws_lb.gw", "type": "aws_lb", "values": {"load_balancer_type": "gateway"}},
	])
}

test_unknown_enabled_is_not_a_finding if {
	d := doc([{"id": "aws_lb.web", "type": "aws_lb", "values": {"access_logs": [{"bucket": "logs"}]}, "unknown": {"access_logs": [{"enabled": true}]}}])
	count(access_logs.deny) == 0 with input as d
	access_logs.unknown == {{"resource": "aws_lb.web", "message": "access_logs.enabled is known only after apply"}} with input as d
}
