package soc2scan.rules.aws.efs.backup_policy_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.efs.backup_policy

policy(target, status) := {"id": "aws_efs_backup_policy.this", "type": "aws_efs_backup_policy", "values": {"backup_policy": [{"status": status}]}, "refs": {"file_system_id": [target]}}

test_fail_no_or_disabled_policy if {
	findings := backup_policy.deny with input as doc([
		{"id": "aws_efs_file_system.a", "type": "aws_efs_file_system"},
		{"id": "aws_efs_file_system.b", "type": "aws_efs_file_system"},
		policy("aws_efs_file_system.b", "DISABLED"),
	])
	{f.resource | some f in findings} == {"aws_efs_file_system.a", "aws_efs_file_system.b"}
	findings[{"resource": "aws_efs_file_system.a", "message": "aws_efs_file_system.a has no aws_efs_backup_policy with backup_policy.status = \"ENABLED\""}]
}

test_pass_enabled if {
	count(backup_policy.deny) == 0 with input as doc([{"id": "aws_efs_file_system.a", "type": "aws_efs_file_system"}, policy("aws_efs_file_system.a", "ENABLED")])
}

test_unknown_status_is_not_a_finding if {
	p := object.union(policy("aws_efs_file_system.a", null), {"unknown": {"backup_policy": [{"status": true}]}})
	d := doc([{"id": "aws_efs_file_system.a", "type": "aws_efs_file_system"}, p])
	count(backup_policy.deny) == 0 with input as d
	backup_policy.unknown == {{"resource": "aws_efs_file_system.a", "message": "the backup_policy.status of its aws_efs_backup_policy is known only after apply"}} with input as d
}
