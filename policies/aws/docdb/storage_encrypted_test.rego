package soc2scan.rules.aws.docdb.storage_encrypted_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.docdb.storage_encrypted

test_fail_absent_or_false if {
	findings := storage_encrypted.deny with input as doc([
		{"id": "aws_docdb_cluster.a", "type": "aws_docdb_cluster"},
		{"id": "aws_docdb_cluster.b", "type": "aws_docdb_cluster", "values": {"storage_encrypted": false}},
	])
	findings == {
		{"resource": "aws_docdb_cluster.a", "message": "aws_docdb_cluster.a does not set storage_encrypted (the default is false)"},
		{"resource": "aws_docdb_cluster.b", "message": "aws_docdb_cluster.b sets storage_encrypted = false"},
	}
}

test_pass_enabled if {
	count(storage_encrypted.deny) == 0 with input as doc([
		{"id": "aws_docdb_cluster.a", "type": "aws_docdb_cluster", "values": {"storage_encrypted": true}},
		{"id": "aws_docdb_cluster.b", "type": "aws_docdb_cluster", "values": {"storage_encrypted": "true"}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_docdb_cluster.a", "type": "aws_docdb_cluster", "unknown": {"storage_encrypted": true}}])
	count(storage_encrypted.deny) == 0 with input as d
	storage_encrypted.unknown == {{"resource": "aws_docdb_cluster.a", "message": "storage_encrypted is known only after apply"}} with input as d
}
