package soc2scan.rules.aws.cloudtrail.log_file_validation_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudtrail.log_file_validation

trail(name, values) := {"id": sprintf("aws_cloudtrail.%s", [name]), "type": "aws_cloudtrail", "values": values}

test_fail_validation_off if {
	findings := log_file_validation.deny with input as doc([
		trail("legacy", {"enable_log_file_validation": false}),
		trail("main", {"enable_log_file_validation": true}),
	])
	findings == {{"resource": "aws_cloudtrail.legacy", "message": "aws_cloudtrail.legacy has enable_log_file_validation = false"}}
}

test_fail_validation_not_set if {
	findings := log_file_validation.deny with input as doc([trail("main", {"is_multi_region_trail": true})])
	findings == {{"resource": "aws_cloudtrail.main", "message": "aws_cloudtrail.main does not set enable_log_file_validation (the default is false)"}}
}

test_pass_validation_on if {
	count(log_file_validation.deny) == 0 with input as doc([trail("main", {"enable_log_file_validation": true})])
}

test_unknown_validation_is_not_a_finding if {
	input_doc := doc([object.union(trail("main", {}), {"unknown": {"enable_log_file_validation": true}})])
	count(log_file_validation.deny) == 0 with input as input_doc
	log_file_validation.unknown == {{"resource": "aws_cloudtrail.main", "message": "enable_log_file_validation is known only after apply"}} with input as input_doc
}
