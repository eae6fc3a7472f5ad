# METADATA
# title: CloudTrail trails are multi-region, logging and include global events
# description: >-
#   Every aws_cloudtrail sets is_multi_region_trail = true and does not turn
#   off include_global_service_events or enable_logging (both default to
#   true). A multi-region trail that is logging records API activity in
#   every region, including regions nobody uses and global services such as
#   IAM, which is the audit trail an auditor relies on to show that security
#   events are detected.
# custom:
#   id: AWS-CT-001
#   severity: high
#   criteria: [CC7.2, A1.2]
#   resource_types: [aws_cloudtrail]
#   remediation: >-
#     Set is_multi_region_trail = true on the trail, and remove
#     include_global_service_events = false and enable_logging = false (or set
#     them to true).
package soc2scan.rules.aws.cloudtrail.multi_region

import data.soc2scan.lib.terraform as tf

attrs := ["is_multi_region_trail", "include_global_service_events", "enable_logging"]

deny contains finding if {
	some trail in tf.resources("aws_cloudtrail")
	found := problems(trail)
	count(found) > 0
	finding := {"resource": trail.id, "message": sprintf("%s %s", [trail.id, concat(", ", found)])}
}

unknown contains tf.undetermined(trail, attr) if {
	some trail in tf.resources("aws_cloudtrail")
	count(problems(trail)) == 0
	some attr in attrs
	tf.is_unknown(trail, attr)
}

problems(trail) := [p | some attr in attrs; p := problem(trail, attr)]

problem(trail, attr) := sprintf("has %s = false", [attr]) if {
	tf.value(trail, attr) == false
}

problem(trail, "is_multi_region_trail") := "does not set is_multi_region_trail (the default is false)" if {
	tf.value(trail, "is_multi_region_trail") == null
	tf.is_known(trail, "is_multi_region_trail")
}
