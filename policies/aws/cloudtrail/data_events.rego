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
	missing := missing_types(trail)
	missing != []
	not selector_unknown(trail)
	finding := {"resource": trail.id, "message": sprintf("%s records no data events for %s (event_selector.data_resource or advanced_event_selector)", [trail.id, concat(" or ", missing)])}
}

unknown contains tf.undetermined(trail, s) if {
	some trail in tf.resources("aws_cloudtrail")
	some s in selectors
	unknown_selector(trail, s)
	missing_types(trail) != []
}

# missing_types lists the data types of data_types a trail records no
# events for.
missing_types(trail) := [type |
	recorded := recorded_types(trail)
	some type in data_types
	not type in recorded
]

# recorded_types are the resource types a trail's selectors name.
recorded_types(trail) := {type |
	some selector in tf.blocks(trail, "event_selector")
	some resource in object.get(selector, "data_resource", [])
	type := resource.type
} | {type |
	some selector in tf.blocks(trail, "advanced_event_selector")
	some field in object.get(selector, "field_selector", [])
	field.field == "resources.type"
	some type in object.get(field, "equals", [])
}

selector_unknown(trail) if {
	some s in selectors
	unknown_selector(trail, s)
}

# A selector is unknown only with a mark on its name: most trails fail that
# lookup at once.
unknown_selector(trail, s) if {
	trail.unknown[s]
	tf.contains_unknown(trail, s)
}
