# METADATA
# title: KMS keys and key rings are not granted to the public
# description: >-
#   No IAM binding, member or policy of a google_kms_crypto_key or
#   google_kms_key_ring grants a role to allUsers or allAuthenticatedUsers.
#   A public grant lets anyone use or manage the key, and with it decrypt
#   the data it protects.
# custom:
#   id: GCP-KMS-002
#   severity: critical
#   criteria: [CC5.2, CC6.1]
#   resource_types: [google_kms_crypto_key_iam_binding, google_kms_crypto_key_iam_member, google_kms_crypto_key_iam_policy, google_kms_key_ring_iam_binding, google_kms_key_ring_iam_member, google_kms_key_ring_iam_policy]
#   remediation: >-
#     Remove allUsers and allAuthenticatedUsers from the members and grant
#     the key roles to the service accounts that use the key.
package soc2scan.rules.gcp.kms.key_not_public

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

iam_types := [
	"google_kms_crypto_key_iam_binding", "google_kms_crypto_key_iam_member", "google_kms_crypto_key_iam_policy",
	"google_kms_key_ring_iam_binding", "google_kms_key_ring_iam_member", "google_kms_key_ring_iam_policy",
]

deny contains finding if {
	some type in iam_types
	some r in tf.resources(type)
	public := gcp.public_grants(r)
	count(public) > 0
	finding := {"resource": r.id, "message": sprintf("%s grants %s", [r.id, gcp.describe_grants(public)])}
}

unknown contains tf.undetermined_because(r, reason) if {
	some type in iam_types
	some r in tf.resources(type)
	count(gcp.public_grants(r)) == 0
	some reason in gcp.undetermined_grants(r)
}
