package soc2scan.rules.aws.redshift.require_tls_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.redshift.require_tls

group(name, value) := {"id": sprintf("aws_redshift_parameter_group.%s", [name]), "type": "aws_redshift_parameter_group", "values": {"parameter": [{"name": "require_ssl", "value": value}]}}

cluster(name, group_ref) := {"id": sprintf("aws_redshift_cluster.%s", [name]), "type": "aws_redshift_cluster", "unknown": {"cluster_parameter_group_name": true}, "refs": {"cluster_parameter_group_name": [group_ref]}}

test_fail_default_or_plain_group if {
	findings := require_tls.deny with input as doc([
		{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster"},
		cluster("b", "aws_redshift_parameter_group.plain"),
		group("plain", "false"),
	])
	findings == {
		{"resource": "aws_redshift_cluster.a", "message": "aws_redshift_cluster.a does not set cluster_parameter_group_name; the default parameter group has require_ssl = false"},
		{"resource": "aws_redshift_cluster.b", "message": "aws_redshift_cluster.b uses aws_redshift_parameter_group.plain, which does not set require_ssl = true"},
	}
}

test_pass_tls_group if {
	count(require_tls.deny) == 0 with input as doc([cluster("a", "aws_redshift_parameter_group.tls"), group("tls", "true")])
}

test_unknown_group_is_not_a_finding if {
	d := doc([{"id": "aws_redshift_cluster.a", "type": "aws_redshift_cluster", "unknown": {"cluster_parameter_group_name": true}}])
	count(require_tls.deny) == 0 with input as d
	require_tls.unknown == {{"resource": "aws_redshift_cluster.a", "message": "cluster_parameter_group_name is known only after apply"}} with input as d
}
