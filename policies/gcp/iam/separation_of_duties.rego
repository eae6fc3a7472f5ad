# METADATA
# title: No principal both administers and uses KMS keys or service accounts
# description: >-
#   Across the project, folder and organisation IAM bindings, members and
#   policies of a configuration, no principal holds roles/cloudkms.admin
#   together with a CryptoKey encrypter or decrypter role, or
#   roles/iam.serviceAccountAdmin together with roles/iam.serviceAccountUser,
#   on the same project, folder or organisation. Holding both lets one
#   person create a key or account and use it unobserved; separation of
#   these duties is what an auditor checks for key and identity management.
# custom:
#   id: GCP-IAM-003
#   severity: medium
#   criteria: [CC1.3, CC5.2, CC6.1, CC6.3]
#   resource_types: [google_project_iam_binding, google_project_iam_member, google_project_iam_policy, google_folder_iam_binding, google_folder_iam_member, google_folder_iam_policy, google_organization_iam_binding, google_organization_iam_member, google_organization_iam_policy]
#   remediation: >-
#     Grant the administrator role and the usage role to different
#     principals (for example a key-admin group and the application's
#     service account), and remove one of the two from the principal named.
package soc2scan.rules.gcp.iam.separation_of_duties

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

# conflicts pairs an administrator role with the roles that use what it
# administers.
conflicts := [
	{"roles/cloudkms.admin"},
	{"roles/cloudkms.cryptoKeyEncrypterDecrypter", "roles/cloudkms.cryptoKeyEncrypter", "roles/cloudkms.cryptoKeyDecrypter"},
	{"roles/iam.serviceAccountAdmin"},
	{"roles/iam.serviceAccountUser"},
]

# sides lists [roles, other side's roles] for each side of each conflict.
sides := [[conflicts[i], conflicts[j]] | some [i, j] in [[0, 1], [1, 0], [2, 3], [3, 2]]]

# held lists every known grant with its resource and scope.
held := [{"resource": r, "scope": scope(r), "role": g.role, "member": g.member} |
	some r in gcp.resource_iam
	some g in gcp.grants(r)
]

deny contains finding if {
	some h in held
	some [mine, theirs] in sides
	h.role in mine
	others := {sprintf("%s (%s)", [o.role, o.resource.id]) |
		some o in held
		o.scope == h.scope
		o.member == h.member
		o.role in theirs
	}
	count(others) > 0
	finding := {"resource": h.resource.id, "message": sprintf("%s grants %s to %s, who also holds %s", [h.resource.id, h.role, h.member, concat(", ", sort(others))])}
}

unknown contains tf.undetermined_because(r, reason) if {
	some r in gcp.resource_iam
	may_conflict(r)
	some reason in gcp.undetermined_grants(r)
}

# may_conflict holds for a grant whose role is one of the conflicting roles
# or is not known, and for policies (their roles are many).
may_conflict(r) if {
	some roles in conflicts
	tf.value(r, "role") in roles
}

may_conflict(r) if tf.is_unknown(r, "role")

may_conflict(r) if endswith(r.type, "_iam_policy")

# scope names the project, folder or organisation of a grant: its value,
# else the resources it refers to, else the provider's default project.
scope(r) := [kind, v] if {
	some kind in ["project", "folder", "org_id"]
	v := tf.value(r, kind)
	is_string(v)
} else := [kind, ids] if {
	some kind in ["project", "folder", "org_id"]
	ids := object.get(r.refs, kind, [])
	count(ids) > 0
} else := ["project", ""]
