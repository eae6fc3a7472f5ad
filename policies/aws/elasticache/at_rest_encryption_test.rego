package soc2scan.rules.aws.elasticache.at_rest_encryption_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.elasticache.at_rest_encryption

test_fail_absent_or_false if {
	findings := at_rest_encryption.deny with input as doc([
		{"id": "aws_elasticache_replication_group.a", "type": "aws_elasticache_replication_group"},
		{"id": "aws_elasticache_replication_group.b", "type": "aws_elasticache_replication_group", "values": {"at_rest_encryption_enabled": false}},
	])
	findings == {
		{"resource": "aws_elasticache_replication_group.a", "message": "aws_elasticache_replication_group.a does not set at_rest_encryption_enabled (the default is false)"},
		{"resource": "aws_elasticache_replication_group.b", "message": "aws_elasticache_replication_group.b sets at_rest_encryption_enabled = false"},
	}
}

test_pass_enabled if {
	count(at_rest_encryption.deny) == 0 with input as doc([
		{"id": "aws_elasticache_replication_group.a", "type": "aws_elasticache_replication_group", "values": {"at_rest_encryption_enabled": true}},
		{"id": "aws_elasticache_replication_group.b", "type": "aws_elasticache_replication_group", "values": {"at_rest_encryption_enabled": "true"}},
		{"id": "aws_elasticache_replication_group.c", "type": "aws_elasticache_replication_group", "values": {"engine": "valkey"}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_elasticache_replication_group.a", "type": "aws_elasticache_replication_group", "unknown": {"at_rest_encryption_enabled": true}}])
	count(at_rest_encryption.deny) == 0 with input as d
	at_rest_encryption.unknown == {{"resource": "aws_elasticache_replication_group.a", "message": "at_rest_encryption_enabled is known only after apply"}} with input as d
}
