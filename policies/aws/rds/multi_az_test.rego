package soc2scan.rules.aws.rds.multi_az_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.rds.multi_az

test_fail_single_az if {
	findings := multi_az.deny with input as doc([
		{"id": "aws_db_instance.main", "type": "aws_db_instance", "values": {"engine": "postgres"}},
		{"id": "aws_rds_cluster.aurora", "type": "aws_rds_cluster", "values": {"engine": "aurora-postgresql"}},
		{"id": "aws_rds_cluster_instance.one", "type": "aws_rds_cluster_instance", "refs": {"cluster_identifier": ["aws_rds_cluster.aurora"]}},
	])
	findings == {
		{"resource": "aws_db_instance.main", "message": "aws_db_instance.main does not set multi_az (the default is false)"},
		{"resource": "aws_rds_cluster.aurora", "message": "aws_rds_cluster.aurora has one aws_rds_cluster_instance (aws_rds_cluster_instance.one): no reader in another availability zone to fail over to"},
	}
}

test_pass_multi_az_replica_and_two_instances if {
	count(multi_az.deny) == 0 with input as doc([
		{"id": "aws_db_instance.main", "type": "aws_db_instance", "values": {"multi_az": true}},
		{"id": "aws_db_instance.replica", "type": "aws_db_instance", "values": {"replicate_source_db": "main"}},
		{"id": "aws_rds_cluster.aurora", "type": "aws_rds_cluster", "values": {"engine": "aurora-mysql"}},
		{"id": "aws_rds_cluster_instance.a", "type": "aws_rds_cluster_instance", "refs": {"cluster_identifier": ["aws_rds_cluster.aurora"]}},
		{"id": "aws_rds_cluster_instance.b", "type": "aws_rds_cluster_instance", "refs": {"cluster_identifier": ["aws_rds_cluster.aurora"]}},
	])
}

test_unknown_multi_az_is_not_a_finding if {
	input_doc := doc([{"id": "aws_db_instance.main", "type": "aws_db_instance", "unknown": {"multi_az": true}}])
	count(multi_az.deny) == 0 with input as input_doc
	multi_az.unknown == {{"resource": "aws_db_instance.main", "message": "multi_az is known only after apply"}} with input as input_doc
}
