package soc2scan.rules.aws.redshift.audit_logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.redshift.audit_logging

test_fail_no_logging if {
	findings := audit_logging.deny with input as doc([
		{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster"},
		{"id": "aws_redshift_cluster.b", "type": "aws_redshift_cluster", "values": {"logging": [{"enable": false}]}},
	])
	findings == {
		{"resource": "aws_redshift_cluster.a", "message": "aws_redshift_cluster.a has no aws_redshift_logging and no logging block"},
		{"resource": "aws_redshift_cluster.b", "message": "aws_redshift_cluster.b has no aws_redshift_logging and its logging block does not set enable = true"},
	}
}

test_pass_logging if {
	count(audit_logging.deny) == 0 with input as doc([
		{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster", "values": {"logging": [{"enable": true, "bucket_name": "logs"}]}},
		{"id": "aws_redshift_cluster.b", "type": "aws_redshift_cluster"},
		{"id": "aws_redshift_logging.b", "type": "aws_redshift_logging", "values": {"log_destination_type": "cloudwatch"}, "refs": {"cluster_identifier": ["aws_redshift_cluster.b"]}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster", "values": {"logging": [{}]}, "unknown": {"logging": [{"enable": true}]}}])
	count(audit_logging.deny) == 0 with input as d
	audit_logging.unknown == {{"resource": "aws_redshift_cluster.a", "message": "logging is known only after apply"}} with input as d
}
