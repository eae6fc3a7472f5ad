# METADATA
# title: Compute instances do not run as the default service account
# description: >-
#   No google_compute_instance or instance template attaches the Compute
#   Engine default service account (PROJECT_NUMBER-compute@developer.gserviceaccount.com,
#   the google_compute_default_service_account data source, or a
#   service_account block without email, which the provider fills with the
#   default). The default account holds the Editor role on the project
#   unless that grant was removed; with the cloud-platform scope every
#   process on the instance can change almost anything in the project,
#   which defeats least privilege.
# custom:
#   id: GCP-GCE-005
#   severity: high
#   criteria: [CC6.3]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   remediation: >-
#     Create a google_service_account for the workload with only the roles
#     it needs and set service_account.email to it; keep scopes =
#     ["cloud-platform"] only with such a dedicated account.
package soc2scan.rules.gcp.gce.default_service_account

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some r in gcp.instances
	some i, sa in tf.blocks(r, "service_account")
	how := default_account(r, i, sa)
	finding := {"resource": r.id, "message": sprintf("%s runs as the Compute Engine default service account (%s)%s", [r.id, how, scope_note(sa)])}
}

unknown contains tf.undetermined(r, ["service_account", i, "email"]) if {
	some r in gcp.instances
	some i, sa in tf.blocks(r, "service_account")
	not default_account(r, i, sa)
	tf.is_unknown(r, ["service_account", i, "email"])
}

unknown contains tf.undetermined(r, "service_account") if {
	some r in gcp.instances
	tf.is_unknown(r, "service_account")
}

default_account(r, i, sa) := sprintf("service_account.email = %q", [sa.email]) if {
	is_string(sa.email)
	endswith(sa.email, "-compute@developer.gserviceaccount.com")
} else := sprintf("service_account.email refers to %s", [d.id]) if {
	some d in tf.refers_to(r, "service_account.email")
	d.type == "google_compute_default_service_account"
} else := "service_account has no email, so the provider attaches the default" if {
	object.get(sa, "email", null) in {null, ""}
	tf.is_known(r, ["service_account", i, "email"])
}

full_access := {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

scope_note(sa) := " with the cloud-platform full-access scope" if {
	some s in object.get(sa, "scopes", [])
	s in full_access
} else := ""
