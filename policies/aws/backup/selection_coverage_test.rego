package soc2scan.rules.aws.backup.selection_coverage_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.backup.selection_coverage

selection(values, refs) := {"id": "aws_backup_selection.daily", "type": "aws_backup_selection", "values": values, "refs": refs}

db := {"id": "aws_db_instance.main", "type": "aws_db_instance", "values": {"tags": {"backup": "daily"}}}

table := {"id": "aws_dynamodb_table.orders", "type": "aws_dynamodb_table", "values": {}}

test_fail_store_outside_selections if {
	findings := selection_coverage.deny with input as doc([
		db,
		table,
		selection({"selection_tag": [{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}]}, {}),
	])
	findings == {{"resource": "aws_dynamodb_table.orders", "message": "aws_dynamodb_table.orders is selected by none of the 1 aws_backup_selection of this configuration (by reference, ARN pattern or tag)"}}
}

test_pass_reference_pattern_and_tag if {
	count(selection_coverage.deny) == 0 with input as doc([
		db,
		table,
		{"id": "aws_efs_file_system.home", "type": "aws_efs_file_system", "values": {}},
		selection({"selection_tag": [{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}], "resources": ["arn:aws:elasticfilesystem:*:*:file-system/*"]}, {}),
		object.union(selection({}, {"resources": ["aws_dynamodb_table.orders"]}), {"id": "aws_backup_selection.tables", "unknown": {"resources": true}}),
	])
}

test_pass_no_selection_in_configuration if {
	count(selection_coverage.deny) == 0 with input as doc([db, table])
}

test_unknown_selection_is_not_a_finding if {
	input_doc := doc([table, object.union(selection({}, {}), {"unknown": {"resources": true}})])
	count(selection_coverage.deny) == 0 with input as input_doc
	selection_coverage.unknown == {{"resource": "aws_dynamodb_table.orders", "message": "aws_backup_selection.daily.resources is known only after apply"}} with input as input_doc
}
