# METADATA
# title: Service accounts hold no owner, editor or admin roles on projects and organisations
# description: >-
#   No google_project, google_folder or google_organization IAM binding,
#   member or policy grants a service account (serviceAccount:...)
#   roles/owner, roles/editor or a role whose name contains "admin" (such as
#   roles/iam.serviceAccountAdmin or roles/storage.admin). A workload
#   identity with administrative rights turns any compromise of the workload
#   into control of the project; an auditor expects machine identities to
#   hold only the permissions their job needs.
# custom:
#   id: GCP-IAM-001
#   severity: high
#   criteria: [CC6.3]
#   resource_types: [google_project_iam_binding, google_project_iam_member, google_project_iam_policy, google_folder_iam_binding, google_folder_iam_member, google_folder_iam_policy, google_organization_iam_binding, google_organization_iam_member, google_organization_iam_policy]
#   remediation: >-
#     Grant the service account predefined or custom roles limited to the
#     actions it performs (for example roles/storage.objectViewer on one
#     bucket) instead of owner, editor or an admin role.
package soc2scan.rules.gcp.iam.service_account_admin

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some r in gcp.resource_iam
	offending := [g | some g in gcp.grants(r); service_account_admin(g)]
	count(offending) > 0
	finding := {"resource": r.id, "message": sprintf("%s grants %s", [r.id, gcp.describe_grants(offending)])}
}

unknown contains tf.undetermined_because(r, reason) if {
	some r in gcp.resource_iam
	not any_offending(r)
	some reason in gcp.undetermined_grants(r)
}

any_offending(r) if {
	some g in gcp.grants(r)
	service_account_admin(g)
}

service_account_admin(g) if {
	startswith(g.member, "serviceAccount:")
	administrative(g.role)
}

administrative(role) if role in {"roles/owner", "roles/editor"}

administrative(role) if {
	parts := split(role, "/")
	contains(lower(parts[count(parts) - 1]), "admin")
}
