package soc2scan.rules.aws.elasticache.transit_encryption_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.elasticache.transit_encryption

test_fail_absent_or_false if {
	findings := transit_encryption.deny with input as doc([
		{"id": "aws_elasticache_replication_group.a", "type": "aws_elasticache_replication_group"},
		{"id": "aws_elasticache_replication_group.b", "type": "aws_elasticache_replication_group", "values": {"transit_encryption_enabled": false}},
	])
	findings == {
		{"resource": "aws_elasticache_replication_group.a", "message": "aws_elasticache_replication_group.a does not set transit_encryption_enabled (the default is false)"},
		{"resource": "aws_elasticache_replication_group.b", "message": "aws_elasticache_replication_group.b sets transit_encryption_enabled = false"},
	}
}

test_pass_enabled if {
	count(transit_encryption.deny) == 0 with input as doc([
		{"id": "aws_elasticache_replication_group.a", "type": "aws_elasticache_replication_group", "values": {"transit_encryption_enabled": true}},
		{"id": "aws_elasticache_replication_group.b", "type": "aws_elasticache_replication_group", "values": {"transit_encryption_enabled": "true"}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_elasticache_replication_group.a", "type": "aws_elasticache_replication_group", "unknown": {"transit_encryption_enabled": true}}])
	count(transit_encryption.deny) == 0 with input as d
	transit_encryption.unknown == {{"resource": "aws_elasticache_replication_group.a", "message": "transit_encryption_enabled is known only after apply"}} with input as d
}
