package soc2scan.rules.aws.ebs.snapshot_public_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ebs.snapshot_public

test_fail_new_sharing_only_and_public_permission if {
	findings := snapshot_public.deny with input as doc([
		{"id": "aws_ebs_snapshot_block_public_access.this", "type": "aws_ebs_snapshot_block_public_access", "values": {"state": "block-new-sharing"}},
		{"id": "aws_snapshot_create_volume_permission.pub", "type": "aws_snapshot_create_volume_permission", "values": {"account_id": "all"}},
	])
	findings == {
		{"resource": "aws_ebs_snapshot_block_public_access.this", "message": "aws_ebs_snapshot_block_public_access.this has state = \"block-new-sharing\": snapshots can still be shared publicly"},
		{"resource": "aws_snapshot_create_volume_permission.pub", "message": "aws_snapshot_create_volume_permission.pub shares its snapshot with account_id \"all\": anyone can create a volume from it"},
	}
}

test_pass_block_all_and_named_account if {
	count(snapshot_public.deny) == 0 with input as doc([
		{"id": "aws_ebs_snapshot_block_public_access.this", "type": "aws_ebs_snapshot_block_public_access", "values": {"state": "block-all-sharing"}},
		{"id": "aws_snapshot_create_volume_permission.dr", "type": "aws_snapshot_create_volume_permission", "values": {"account_id": "123456789012"}},
	])
}

test_unknown_state_is_not_a_finding if {
	input_doc := doc([{"id": "aws_ebs_snapshot_block_public_access.this", "type": "aws_ebs_snapshot_block_public_access", "unknown": {"state": true}}])
	count(snapshot_public.deny) == 0 with input as input_doc
	snapshot_public.unknown == {{"resource": "aws_ebs_snapshot_block_public_access.this", "message": "state is known only after apply"}} with input as input_doc
}
