package soc2scan.rules.aws.rds.publicly_accessible_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.rds.publicly_accessible

test_fail_public_instance if {
	findings := publicly_accessible.deny with input as doc([
		{"id": "aws_db_instance.legacy", "type": "aws_db_instance", "values": {"publicly_accessible": true}},
		{"id": "aws_db_instance.main", "type": "aws_db_instance", "values": {"publicly_accessible": false}},
	])
	findings == {{"resource": "aws_db_instance.legacy", "message": "aws_db_instance.legacy has publicly_accessible = true"}}
}

test_fail_public_cluster_instance if {
	findings := publicly_accessible.deny with input as doc([{
		"id": "aws_rds_cluster_instance.writer[0]",
		"type": "aws_rds_cluster_instance",
		"values": {"publicly_accessible": true},
	}])
	{f.resource | some f in findings} == {"aws_rds_cluster_instance.writer[0]"}
}

test_pass_private_and_default if {
	count(publicly_accessible.deny) == 0 with input as doc([
		{"id": "aws_db_instance.main", "type": "aws_db_instance", "values": {"publicly_accessible": false}},
		{"id": "aws_db_instance.other", "type": "aws_db_instance"},
		{"id": "aws_rds_cluster_instance.writer", "type": "aws_rds_cluster_instance"},
	])
}

test_unknown_publicly_accessible_is_not_a_finding if {
	input_doc := doc([{"id": "aws_db_instance.main", "type": "aws_db_instance", "unknown": {"publicly_accessible": true}}])
	count(publicly_accessible.deny) == 0 with input as input_doc
	publicly_accessible.unknown == {{"resource": "aws_db_instance.main", "message": "publicly_accessible is known only after apply"}} with input as input_doc
}
