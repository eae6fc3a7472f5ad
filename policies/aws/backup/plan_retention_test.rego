package soc2scan.rules.aws.backup.plan_retention_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.backup.plan_retention

plan(rules) := {"id": "aws_backup_plan.main", "type": "aws_backup_plan", "values": {"rule": rules}}

test_fail_short_retention if {
	findings := plan_retention.deny with input as doc([plan([
		{"rule_name": "daily", "lifecycle": [{"delete_after": 7}]},
		{"rule_name": "monthly", "lifecycle": [{"delete_after": 365}]},
	])])
	findings == {{"resource": "aws_backup_plan.main", "message": "aws_backup_plan.main deletes recovery points before 35 days in rule \"daily\" (7 days)"}}
}

test_pass_long_or_forever if {
	count(plan_retention.deny) == 0 with input as doc([plan([
		{"rule_name": "daily", "lifecycle": [{"delete_after": "35"}]},
		{"rule_name": "keep"},
	])])
}

test_unknown_rule_is_not_a_finding if {
	input_doc := doc([object.union(plan([]), {"unknown": {"rule": true}})])
	count(plan_retention.deny) == 0 with input as input_doc
	plan_retention.unknown == {{"resource": "aws_backup_plan.main", "message": "rule is known only after apply"}} with input as input_doc
}
