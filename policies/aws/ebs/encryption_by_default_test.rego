package soc2scan.rules.aws.ebs.encryption_by_default_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ebs.encryption_by_default

setting(values) := {"id": "aws_ebs_encryption_by_default.this", "type": "aws_ebs_encryption_by_default", "values": values}

test_fail_disabled if {
	findings := encryption_by_default.deny with input as doc([setting({"enabled": false})])
	findings == {{"resource": "aws_ebs_encryption_by_default.this", "message": "aws_ebs_encryption_by_default.this has enabled = false: new EBS volumes are not encrypted by default"}}
}

test_pass_enabled_or_default if {
	count(encryption_by_default.deny) == 0 with input as doc([setting({"enabled": true}), object.union(setting({}), {"id": "aws_ebs_encryption_by_default.other"})])
}

test_unknown_enabled_is_not_a_finding if {
	input_doc := doc([object.union(setting({}), {"unknown": {"enabled": true}})])
	count(encryption_by_default.deny) == 0 with input as input_doc
	encryption_by_default.unknown == {{"resource": "aws_ebs_encryption_by_default.this", "message": "enabled is known only after apply"}} with input as input_doc
}
