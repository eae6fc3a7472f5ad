# METADATA
# title: DynamoDB tables have point-in-time recovery
# description: >-
#   Every aws_dynamodb_table has point_in_time_recovery { enabled = true };
#   it is off by default. Point-in-time recovery keeps continuous backups
#   for up to 35 days, so a table damaged by a bad deployment, a bug or a
#   malicious write can be restored to any second before it.
# custom:
#   id: AWS-DDB-001
#   severity: medium
#   criteria: [CC7.4, A1.2]
#   resource_types: [aws_dynamodb_table]
#   remediation: >-
#     Add point_in_time_recovery { enabled = true } to the table.
package soc2scan.rules.aws.dynamodb.point_in_time_recovery

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

resources := tf.resources("aws_dynamodb_table")

deny contains finding if {
	some r in resources
	why := aws.disabled(r, ["point_in_time_recovery", 0, "enabled"])
	finding := {"resource": r.id, "message": sprintf("%s %s", [r.id, why])}
}

unknown contains tf.undetermined(r, ["point_in_time_recovery", 0, "enabled"]) if {
	some r in resources
	tf.is_unknown(r, ["point_in_time_recovery", 0, "enabled"])
}
