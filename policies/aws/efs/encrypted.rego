# METADATA
# title: EFS file systems are encrypted at rest
# description: >-
#   Every aws_efs_file_system sets encrypted = true; the provider's default
#   is false and it cannot be changed after creation. Encryption at rest
#   protects the files if the storage is accessed outside the file system's
#   access controls.
# custom:
#   id: AWS-EFS-001
#   severity: high
#   criteria: [CC6.1]
#   resource_types: [aws_efs_file_system]
#   remediation: >-
#     Set encrypted = true (and kms_key_id to a customer-managed
#     aws_kms_key); for an existing file system, create an encrypted one and
#     copy the data with AWS DataSync.
package soc2scan.rules.aws.efs.encrypted

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

resources := tf.resources("aws_efs_file_system")

deny contains finding if {
	some r in resources
	why := aws.disabled(r, "encrypted")
	finding := {"resource": r.id, "message": sprintf("%s %s", [r.id, why])}
}

unknown contains tf.undetermined(r, "encrypted") if {
	some r in resources
	tf.is_unknown(r, "encrypted")
}
