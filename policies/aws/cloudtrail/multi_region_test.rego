package soc2scan.rules.aws.cloudtrail.multi_region_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudtrail.multi_region

trail(name, values) := {"id": sprintf("aws_cloudtrail.%s", [name]), "type": "aws_cloudtrail", "values": values}

test_fail_single_region_trail if {
	findings := multi_region.deny with input as doc([trail("legacy", {"is_multi_region_trail": false}), trail("main", {"is_multi_region_trail": true})])
	findings == {{"resource": "aws_cloudtrail.legacy", "message": "aws_cloudtrail.legacy has is_multi_region_trail = false"}}
}

test_fail_default_single_region if {
	findings := multi_region.deny with input as doc([trail("main", {})])
	findings == {{"resource": "aws_cloudtrail.main", "message": "aws_cloudtrail.main does not set is_multi_region_trail (the default is false)"}}
}

test_fail_multi_region_but_not_logging_nor_global if {
	findings := multi_region.deny with input as doc([trail("main", {
		"is_multi_region_trail": true,
		"include_global_service_events": false,
		"enable_logging": false,
	})])
	findings == {{
		"resource": "aws_cloudtrail.main",
		"message": "aws_cloudtrail.main has include_global_service_events = false, has enable_logging = false",
	}}
}

test_pass_multi_region_with_defaults if {
	count(multi_region.deny) == 0 with input as doc([trail("main", {"is_multi_region_trail": true})])
}

test_pass_multi_region_explicit if {
	count(multi_region.deny) == 0 with input as doc([trail("main", {
		"is_multi_region_trail": true,
		"include_global_service_events": true,
		"enable_logging": true,
	})])
}

test_unknown_multi_region_is_not_a_finding if {
	input_doc := doc([object.union(trail("main", {}), {"unknown": {"is_multi_region_trail": true}})])
	count(multi_region.deny) == 0 with input as input_doc
	multi_region.unknown == {{"resource": "aws_cloudtrail.main", "message": "is_multi_region_trail is known only after apply"}} with input as input_doc
}

test_fail_known_problem_beside_unknown if {
	input_doc := doc([object.union(trail("main", {"enable_logging": false}), {"unknown": {"is_multi_region_trail": true}})])
	{f.resource | some f in multi_region.deny} == {"aws_cloudtrail.main"} with input as input_doc
	count(multi_region.unknown) == 0 with input as input_doc
}
