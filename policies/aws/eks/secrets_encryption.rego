# METADATA
# title: EKS clusters encrypt Kubernetes secrets with KMS
# description: >-
#   Every aws_eks_cluster has an encryption_config whose resources include
#   "secrets" and whose provider names a KMS key_arn. Envelope encryption
#   protects Secrets in etcd with a key whose use is controlled by a key
#   policy and logged in CloudTrail.
# custom:
#   id: AWS-EKS-003
#   severity: medium
#   criteria: [CC6.1]
#   resource_types: [aws_eks_cluster]
#   remediation: >-
#     Add encryption_config { resources = ["secrets"], provider { key_arn =
#     aws_kms_key.eks.arn } }.
package soc2scan.rules.aws.eks.secrets_encryption

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some c in tf.resources("aws_eks_cluster")
	not tf.contains_unknown(c, "encryption_config")
	not encrypts_secrets(c)
	finding := {"resource": c.id, "message": sprintf("%s has no encryption_config encrypting \"secrets\" with a KMS key_arn", [c.id])}
}

unknown contains tf.undetermined(c, "encryption_config") if {
	some c in tf.resources("aws_eks_cluster")
	tf.contains_unknown(c, "encryption_config")
	not encrypts_secrets(c)
}

encrypts_secrets(c) if {
	some i, config in tf.blocks(c, "encryption_config")
	"secrets" in config.resources
	aws.has_value(c, ["encryption_config", i, "provider", 0, "key_arn"])
}
