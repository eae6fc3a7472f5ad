package soc2scan.rules.aws.s3.object_lock_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.s3.object_lock

lock(values) := {"id": "aws_s3_bucket_object_lock_configuration.backups", "type": "aws_s3_bucket_object_lock_configuration", "values": values}

test_fail_no_default_retention if {
	findings := object_lock.deny with input as doc([lock({"object_lock_enabled": "Enabled"})])
	findings == {{"resource": "aws_s3_bucket_object_lock_configuration.backups", "message": "aws_s3_bucket_object_lock_configuration.backups has no rule.default_retention with a mode and a period: objects are not locked by default"}}
}

test_pass_default_retention if {
	count(object_lock.deny) == 0 with input as doc([lock({"rule": [{"default_retention": [{"mode": "COMPLIANCE", "days": 30}]}]})])
}

test_unknown_rule_is_not_a_finding if {
	input_doc := doc([object.union(lock({}), {"unknown": {"rule": true}})])
	count(object_lock.deny) == 0 with input as input_doc
	object_lock.unknown == {{"resource": "aws_s3_bucket_object_lock_configuration.backups", "message": "rule is known only after apply"}} with input as input_doc
}
