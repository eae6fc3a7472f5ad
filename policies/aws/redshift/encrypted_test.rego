package soc2scan.rules.aws.redshift.encrypted_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.redshift.encrypted

test_fail_absent_or_false if {
	findings := encrypted.deny with input as doc([
		{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster"},
		{"id": "aws_redshift_cluster.b", "type": "aws_redshift_cluster", "values": {"encrypted": false}},
	])
	findings == {
		{"resource": "aws_redshift_cluster.a", "message": "aws_redshift_cluster.a does not set encrypted (the default is false)"},
		{"resource": "aws_redshift_cluster.b", "message": "aws_redshift_cluster.b sets encrypted = false"},
	}
}

test_pass_enabled if {
	count(encrypted.deny) == 0 with input as doc([
		{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster", "values": {"encrypted": true}},
		{"id": "aws_redshift_cluster.b", "type": "aws_redshift_cluster", "values": {"encrypted": "true"}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster", "unknown": {"encrypted": true}}])
	count(encrypted.deny) == 0 with input as d
	encrypted.unknown == {{"resource": "aws_redshift_cluster.a", "message": "encrypted is known only after apply"}} with input as d
}
