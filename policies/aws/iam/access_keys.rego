# METADATA
# title: No long-lived IAM access keys are created in code
# description: >-
#   Flags every aws_iam_access_key that is not Inactive, and says so when it
#   is for the root user. An access key is a password that never expires on
#   its own, is copied into scripts and CI settings, and whose secret
#   Terraform keeps in its state; roles, SSO and workload identity give
#   short-lived credentials instead. An auditor expects long-lived keys to
#   be rare exceptions, rotated and reviewed, and never for root.
# custom:
#   id: AWS-IAM-005
#   severity: medium
#   criteria: [CC1.3, CC6.1]
#   resource_types: [aws_iam_access_key]
#   remediation: >-
#     Remove the aws_iam_access_key and give the workload a role (instance
#     profile, IRSA, OIDC federation for CI) or people IAM Identity Center;
#     where a key is unavoidable, waive this finding with an owner and a
#     rotation date.
package soc2scan.rules.aws.iam.access_keys

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some key in tf.resources("aws_iam_access_key")
	tf.is_known(key, "status")
	tf.value(key, "status") != "Inactive"
	finding := {"resource": key.id, "message": message(key)}
}

unknown contains tf.undetermined(key, "status") if {
	some key in tf.resources("aws_iam_access_key")
	tf.is_unknown(key, "status")
}

message(key) := sprintf("%s creates an active access key for the root user", [key.id]) if {
	tf.value(key, "user") == "root"
} else := sprintf("%s creates a long-lived access key (status %s)", [key.id, status(key)])

status(key) := "Active" if tf.value(key, "status") == null

status(key) := tf.value(key, "status") if tf.value(key, "status") != null
