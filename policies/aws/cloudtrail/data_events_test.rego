package soc2scan.rules.aws.cloudtrail.data_events_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudtrail.data_events

trail(values) := {"id": "aws_cloudtrail.main", "type": "aws_cloudtrail", "values": object.union({"name": "main"}, values)}

test_fail_management_events_only if {
	findings := data_events.deny with input as doc([trail({"event_selector": [{"read_write_type": "All", "include_management_events": true}]})])
	findings == {{"resource": "aws_cloudtrail.main", "message": "aws_cloudtrail.main records no data events for AWS::S3::Object or AWS::Lambda::Function (event_selector.data_resource or advanced_event_selector)"}}
}

test_fail_s3_only if {
	findings := data_events.deny with input as doc([trail({"event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]})])
	findings == {{"resource": "aws_cloudtrail.main", "message": "aws_cloudtrail.main records no data events for AWS::Lambda::Function (event_selector.data_resource or advanced_event_selector)"}}
}

test_pass_event_and_advanced_selectors if {
	count(data_events.deny) == 0 with input as doc([trail({
		"event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}],
		"advanced_event_selector": [{"field_selector": [
			{"field": "eventCategory", "equals": ["Data"]},
			{"field": "resources.type", "equals": ["AWS::Lambda::Function"]},
		]}],
	})])
}

test_unknown_selector_is_not_a_finding if {
	input_doc := doc([object.union(trail({}), {"unknown": {"event_selector": true}})])
	count(data_events.deny) == 0 with input as input_doc
	data_events.unknown == {{"resource": "aws_cloudtrail.main", "message": "event_selector is known only after apply"}} with input as input_doc
}
