# METADATA
# title: CloudTrail records S3 object and Lambda invoke data events
# description: >-
#   Every aws_cloudtrail records data events for S3 objects
#   (AWS::S3::Object) and Lambda invocations (AWS::Lambda::Function), in an
#   event_selector's data_resource or an advanced_event_selector whose
#   resources.type field selects them. Management events alone do not show
#   who read, wrote or deleted which object or ran which function; an
#   auditor investigating access to data needs that record.
# custom:
#   id: AWS-CT-005
#   severity: low
#   criteria: [CC2.1, CC7.2]
#   resource_types: [aws_cloudtrail]
#   remediation: >-
#     Add event_selector { read_write_type = "All", data_resource { type =
#     "AWS::S3::Object", values = ["arn:aws:s3"] } data_resource { type =
#     "AWS::Lambda::Function", values = ["arn:aws:lambda"] } } (or the
#     equivalent advanced_event_selector blocks) to the trail.
package soc2scan.rules.aws.cloudtrail.data_events

import data.soc2scan.lib.terraform as tf

data_types := ["AWS::S3::Object", "AWS::Lambda::Function"]

selectors := ["event_selector", "advanced_event_selector"]

deny contains finding if {
	some trail in tf.resources("aws_cloudtrail")
	missing := [type | some type in data_types; not recorded(trail, type)]
	count(missing) > 0
	every s in selectors {
		not tf.contains_unknown(trail, s)
	}
	finding := tf.finding(trail, sprintf("%s records no data events for %s (event_selector.data_resource or advanced_event_selector)", [trail.id, concat(" or ", missing)]))
}

unknown contains tf.undetermined(trail, s) if {
	some trail in tf.resources("aws_cloudtrail")
	some type in data_types
	not recorded(trail, type)
	some s in selectors
	tf.contains_unknown(trail, s)
}

recorded(trail, type) if {
	some selector in tf.blocks(trail, "event_selector")
	some resource in object.get(selector, "data_resource", [])
	resource.type == type
}

recorded(trail, type) if {
	some selector in tf.blocks(trail, "advanced_event_selector")
	some field in object.get(selector, "field_selector", [])
	field.field == "resources.type"
	type in object.get(field, "equals", [])
}
