package soc2scan.rules.aws.elb.deletion_protection_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.elb.deletion_protection

test_fail_absent_or_false if {
	findings := deletion_protection.deny with input as doc([
		{"id": "aws_lb.a", "type": "aws_lb"},
		{"id": "aws_alb.b", "type": "aws_alb", "values": {"enable_deletion_protection": false}},
	])
	findings == {
		{"resource": "aws_lb.a", "message": "aws_lb.a does not set enable_deletion_protection; the default is false"},
		{"resource": "aws_alb.b", "message": "aws_alb.b sets enable_deletion_protection = false"},
	}
}

test_pass_enabled if {
	count(deletion_protection.deny) == 0 with input as doc([
		{"id": "aws_lb.a", "type": "aws_lb", "values": {"enable_deletion_protection": true}},
		{"id": "aws_alb.b", "type": "aws_alb", "values": {"enable_deletion_protection": "true"}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_lb.a", "type": "aws_lb", "unknown": {"enable_deletion_protection": true}}])
	count(deletion_protection.deny) == 0 with input as d
	deletion_protection.unknown == {{"resource": "aws_lb.a", "message": "enable_deletion_protection is known only after apply"}} with input as d
}
