# METADATA
# title: No user-managed service account keys
# description: >-
#   No google_service_account_key resource is declared: every one creates
#   (or uploads, with public_key_data) a long-lived credential for a service
#   account that can be copied, leaked and used from anywhere until someone
#   deletes it. Workload identity, attached service accounts and
#   impersonation give short-lived credentials instead; an auditor expects
#   machine credentials to be short-lived or their rotation to be evidenced.
# custom:
#   id: GCP-IAM-002
#   severity: medium
#   criteria: [CC1.3, CC6.1, CC6.3]
#   resource_types: [google_service_account_key]
#   remediation: >-
#     Remove the google_service_account_key; attach the service account to
#     the workload, use Workload Identity Federation outside Google Cloud,
#     or grant roles/iam.serviceAccountTokenCreator for impersonation.
package soc2scan.rules.gcp.iam.service_account_keys

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some k in tf.resources("google_service_account_key")
	finding := {"resource": k.id, "message": sprintf("%s creates a user-managed key for %s", [k.id, account(k)])}
}

account(k) := sprintf("%q", [tf.value(k, "service_account_id")]) if {
	is_string(tf.value(k, "service_account_id"))
} else := concat(", ", [a.id | some a in tf.refers_to(k, "service_account_id")]) if {
	count(tf.refers_to(k, "service_account_id")) > 0
} else := "a service account"
