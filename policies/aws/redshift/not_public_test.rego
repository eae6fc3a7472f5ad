package soc2scan.rules.aws.redshift.not_public_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.redshift.not_public

test_fail_public if {
	findings := not_public.deny with input as doc([
		{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster"},
		{"id": "aws_redshift_cluster.b", "type": "aws_redshift_cluster", "values": {"publicly_accessible": true}},
	])
	findings == {
		{"resource": "aws_redshift_cluster.a", "message": "aws_redshift_cluster.a does not set publicly_accessible = false (the default before AWS provider v6 is true)"},
		{"resource": "aws_redshift_cluster.b", "message": "aws_redshift_cluster.b sets publicly_accessible = true"},
	}
}

test_pass_private if {
	count(not_public.deny) == 0 with input as doc([{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster", "values": {"publicly_accessible": false}}])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster", "unknown": {"publicly_accessible": true}}])
	count(not_public.deny) == 0 with input as d
	not_public.unknown == {{"resource": "aws_redshift_cluster.a", "message": "publicly_accessible is known only after apply"}} with input as d
}
