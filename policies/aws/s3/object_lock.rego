# METADATA
# title: S3 Object Lock configurations set a default retention
# description: >-
#   Every aws_s3_bucket_object_lock_configuration has a rule with a
#   default_retention (mode GOVERNANCE or COMPLIANCE and a number of days or
#   years), so that every object written to the bucket is locked against
#   deletion and overwrite for that period. Object Lock without a default
#   retention protects only objects that ask for it one by one; an auditor
#   expects records and backups to be immutable by default. Which buckets
#   hold records or backups is not in the configuration: buckets without
#   Object Lock are not judged.
# custom:
#   id: AWS-S3-007
#   severity: medium
#   criteria: [CC6.1, C1.1, PI1.5]
#   resource_types: [aws_s3_bucket_object_lock_configuration]
#   remediation: >-
#     Add rule { default_retention { mode = "COMPLIANCE" (or "GOVERNANCE")
#     days = <retention period> } } to the Object Lock configuration.
package soc2scan.rules.aws.s3.object_lock

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some config in tf.resources("aws_s3_bucket_object_lock_configuration")
	not retained(config)
	not tf.contains_unknown(config, "rule")
	finding := {"resource": config.id, "message": sprintf("%s has no rule.default_retention with a mode and a period: objects are not locked by default", [config.id])}
}

unknown contains tf.undetermined(config, "rule") if {
	some config in tf.resources("aws_s3_bucket_object_lock_configuration")
	not retained(config)
	tf.contains_unknown(config, "rule")
}

retained(config) if {
	some rule in tf.blocks(config, "rule")
	some retention in object.get(rule, "default_retention", [])
	retention.mode in {"GOVERNANCE", "COMPLIANCE"}
	some unit in ["days", "years"]
	aws.number(object.get(retention, unit, null)) > 0
}
