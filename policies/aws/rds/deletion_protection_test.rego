package soc2scan.rules.aws.rds.deletion_protection_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.rds.deletion_protection

test_fail_unprotected if {
	findings := deletion_protection.deny with input as doc([
		{"id": "aws_db_instance.main", "type": "aws_db_instance", "values": {}},
		{"id": "aws_rds_cluster.aurora", "type": "aws_rds_cluster", "values": {"deletion_protection": false}},
	])
	findings == {
		{"resource": "aws_db_instance.main", "message": "aws_db_instance.main does not set deletion_protection (the default is false)"},
		{"resource": "aws_rds_cluster.aurora", "message": "aws_rds_cluster.aurora has deletion_protection = false"},
	}
}

test_pass_protected if {
	count(deletion_protection.deny) == 0 with input as doc([{"id": "aws_db_instance.main", "type": "aws_db_instance", "values": {"deletion_protection": true}}])
}

test_unknown_protection_is_not_a_finding if {
	input_doc := doc([{"id": "aws_db_instance.main", "type": "aws_db_instance", "unknown": {"deletion_protection": true}}])
	count(deletion_protection.deny) == 0 with input as input_doc
	deletion_protection.unknown == {{"resource": "aws_db_instance.main", "message": "deletion_protection is known only after apply"}} with input as input_doc
}
