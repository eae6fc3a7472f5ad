package soc2scan.rules.aws.secretsmanager.rotation_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.secretsmanager.rotation

rotation_of(secret) := {
	"id": "aws_secretsmanager_secret_rotation.db",
	"type": "aws_secretsmanager_secret_rotation",
	"values": {"rotation_rules": [{"automatically_after_days": 30}]},
	"refs": {"secret_id": [secret]},
}

test_fail_not_rotated if {
	findings := rotation.deny with input as doc([
		{"id": "aws_secretsmanager_secret.api", "type": "aws_secretsmanager_secret"},
		{"id": "aws_secretsmanager_secret.db", "type": "aws_secretsmanager_secret"},
		rotation_of("aws_secretsmanager_secret.db"),
	])
	findings == {{"resource": "aws_secretsmanager_secret.api", "message": "aws_secretsmanager_secret.api has no aws_secretsmanager_secret_rotation with rotation_rules"}}
}

test_pass_rotated if {
	count(rotation.deny) == 0 with input as doc([
		{"id": "aws_secretsmanager_secret.db", "type": "aws_secretsmanager_secret"},
		rotation_of("aws_secretsmanager_secret.db"),
		{"id": "aws_secretsmanager_secret.old", "type": "aws_secretsmanager_secret", "values": {"rotation_rules": [{"automatically_after_days": 7}]}},
	])
}

test_unknown_rules_are_not_a_finding if {
	d := doc([{"id": "aws_secretsmanager_secret.api", "type": "aws_secretsmanager_secret", "unknown": {"rotation_rules": true}}])
	count(rotation.deny) == 0 with input as d
	rotation.unknown == {{"resource": "aws_secretsmanager_secret.api", "message": "rotation_rules is known only after apply"}} with input as d
}
