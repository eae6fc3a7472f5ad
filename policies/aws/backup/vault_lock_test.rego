package soc2scan.rules.aws.backup.vault_lock_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.backup.vault_lock

vault := {"id": "aws_backup_vault.main", "type": "aws_backup_vault", "values": {"name": "main"}}

policy(statements) := {
	"id": "aws_backup_vault_policy.main",
	"type": "aws_backup_vault_policy",
	"values": {"policy": json.marshal({"Statement": statements})},
	"refs": {"backup_vault_name": ["aws_backup_vault.main"]},
}

test_fail_unprotected if {
	findings := vault_lock.deny with input as doc([vault, policy([{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "backup:*", "Resource": "*"}])])
	findings == {{"resource": "aws_backup_vault.main", "message": "aws_backup_vault.main has no aws_backup_vault_lock_configuration and no aws_backup_vault_policy denying backup:DeleteRecoveryPoint"}}
}

test_pass_lock_or_deny if {
	count(vault_lock.deny) == 0 with input as doc([vault, {"id": "aws_backup_vault_lock_configuration.main", "type": "aws_backup_vault_lock_configuration", "values": {"min_retention_days": 35}, "refs": {"backup_vault_name": ["aws_backup_vault.main"]}}])
	count(vault_lock.deny) == 0 with input as doc([vault, policy([{"Effect": "Deny", "Principal": "*", "Action": ["backup:Delete*"], "Resource": "*"}])])
}

test_unknown_policy_is_not_a_finding if {
	input_doc := doc([vault, object.union(object.remove(policy([]), ["values"]), {"unknown": {"policy": true}})])
	count(vault_lock.deny) == 0 with input as input_doc
	vault_lock.unknown == {{"resource": "aws_backup_vault.main", "message": "aws_backup_vault_policy.main.policy is known only after apply"}} with input as input_doc
}
