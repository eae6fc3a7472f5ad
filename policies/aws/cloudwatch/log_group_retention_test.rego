package soc2scan.rules.aws.cloudwatch.log_group_retention_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudwatch.log_group_retention

group(name, values) := {"id": sprintf("aws_cloudwatch_log_group.%s", [name]), "type": "aws_cloudwatch_log_group", "values": values}

test_fail_absent_zero_and_short if {
	findings := log_group_retention.deny with input as doc([
		group("absent", {}),
		group("zero", {"retention_in_days": 0}),
		group("short", {"retention_in_days": "30"}),
	])
	findings == {
		{"resource": "aws_cloudwatch_log_group.absent", "message": "aws_cloudwatch_log_group.absent does not set retention_in_days: its logs never expire and no retention period is defined"},
		{"resource": "aws_cloudwatch_log_group.zero", "message": "aws_cloudwatch_log_group.zero has retention_in_days = 0: its logs never expire and no retention period is defined"},
		{"resource": "aws_cloudwatch_log_group.short", "message": "aws_cloudwatch_log_group.short has retention_in_days = 30, less than 365 days"},
	}
}

test_pass_a_year_or_more if {
	count(log_group_retention.deny) == 0 with input as doc([
		group("year", {"retention_in_days": 365}),
		group("long", {"retention_in_days": "3653"}),
	])
}

test_unknown_retention_is_not_a_finding if {
	input_doc := doc([object.union(group("app", {}), {"unknown": {"retention_in_days": true}})])
	count(log_group_retention.deny) == 0 with input as input_doc
	log_group_retention.unknown == {{"resource": "aws_cloudwatch_log_group.app", "message": "retention_in_days is known only after apply"}} with input as input_doc
}
