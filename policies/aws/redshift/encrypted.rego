# METADATA
# title: Redshift clusters are encrypted at rest
# description: >-
#   Every aws_redshift_cluster sets encrypted = true, with a KMS key
#   (kms_key_id, or the AWS managed aws/redshift key when absent). Older
#   provider versions default to false. Encryption at rest protects the
#   warehouse's data, backups and snapshots outside the cluster's access
#   controls.
# custom:
#   id: AWS-RS-003
#   severity: high
#   criteria: [CC6.1]
#   resource_types: [aws_redshift_cluster]
#   remediation: >-
#     Set encrypted = true and kms_key_id = aws_kms_key.redshift.arn.
package soc2scan.rules.aws.redshift.encrypted

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

resources := tf.resources("aws_redshift_cluster")

deny contains finding if {
	some r in resources
	why := aws.disabled(r, "encrypted")
	finding := {"resource": r.id, "message": sprintf("%s %s", [r.id, why])}
}

unknown contains tf.undetermined(r, "encrypted") if {
	some r in resources
	tf.is_unknown(r, "encrypted")
}
