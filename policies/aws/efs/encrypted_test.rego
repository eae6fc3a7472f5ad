package soc2scan.rules.aws.efs.encrypted_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.efs.encrypted

test_fail_absent_or_false if {
	findings := encrypted.deny with input as doc([
		{"id": "aws_efs_file_system.a", "type": "aws_efs_file_system"},
		{"id": "aws_efs_file_system.b", "type": "aws_efs_file_system", "values": {"encrypted": false}},
	])
	findings == {
		{"resource": "aws_efs_file_system.a", "message": "aws_efs_file_system.a does not set encrypted (the default is false)"},
		{"resource": "aws_efs_file_system.b", "message": "aws_efs_file_system.b sets encrypted = false"},
	}
}

test_pass_enabled if {
	count(encrypted.deny) == 0 with input as doc([
		{"id": "aws_efs_file_system.a", "type": "aws_efs_file_system", "values": {"encrypted": true}},
		{"id": "aws_efs_file_system.b", "type": "aws_efs_file_system", "values": {"encrypted": "true"}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_efs_file_system.a", "type": "aws_efs_file_system", "unknown": {"encrypted": true}}])
	count(encrypted.deny) == 0 with input as d
	encrypted.unknown == {{"resource": "aws_efs_file_system.a", "message": "encrypted is known only after apply"}} with input as d
}
