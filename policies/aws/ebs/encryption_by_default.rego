# METADATA
# title: EBS encryption by default is not turned off
# description: >-
#   No aws_ebs_encryption_by_default sets enabled = false (the default is
#   true). With encryption by default on, every new volume and snapshot copy
#   in the region is encrypted whatever the code that creates it says; an
#   auditor looks for this account-level guarantee of encryption at rest.
# custom:
#   id: AWS-EBS-001
#   severity: high
#   criteria: [CC6.1]
#   resource_types: [aws_ebs_encryption_by_default]
#   remediation: Set enabled = true (or remove the attribute) on aws_ebs_encryption_by_default.
package soc2scan.rules.aws.ebs.encryption_by_default

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some setting in tf.resources("aws_ebs_encryption_by_default")
	aws.is_false(setting, "enabled")
	finding := {"resource": setting.id, "message": sprintf("%s has enabled = false: new EBS volumes are not encrypted by default", [setting.id])}
}

unknown contains tf.undetermined(setting, "enabled") if {
	some setting in tf.resources("aws_ebs_encryption_by_default")
	tf.is_unknown(setting, "enabled")
}
