# METADATA
# title: S3 lifecycle configurations expire or transition objects
# description: >-
#   Every aws_s3_bucket_lifecycle_configuration has at least one rule with
#   status "Enabled" that expires objects (expiration or
#   noncurrent_version_expiration) or transitions them to another storage
#   class. A lifecycle rule is how a retention period is enforced in the
#   bucket: data is disposed of when it is no longer needed, which an
#   auditor checks against the confidentiality and privacy commitments.
# custom:
#   id: AWS-S3-008
#   severity: low
#   criteria: [C1.1, C1.2, P4.2, P4.3]
#   resource_types: [aws_s3_bucket_lifecycle_configuration]
#   remediation: >-
#     Add rule { status = "Enabled" filter {} expiration { days = <retention> }
#     noncurrent_version_expiration { noncurrent_days = <days> } }.
package soc2scan.rules.aws.s3.lifecycle

import data.soc2scan.lib.terraform as tf

actions := ["expiration", "noncurrent_version_expiration", "transition", "noncurrent_version_transition"]

deny contains finding if {
	some config in tf.resources("aws_s3_bucket_lifecycle_configuration")
	not disposes(config)
	not tf.contains_unknown(config, "rule")
	finding := {"resource": config.id, "message": sprintf("%s has no enabled rule that expires or transitions objects", [config.id])}
}

unknown contains tf.undetermined(config, "rule") if {
	some config in tf.resources("aws_s3_bucket_lifecycle_configuration")
	not disposes(config)
	tf.contains_unknown(config, "rule")
}

disposes(config) if {
	some rule in tf.blocks(config, "rule")
	rule.status == "Enabled"
	some action in actions
	count(object.get(rule, action, [])) > 0
}
