# METADATA
# title: Cloud Audit Logs record all data access for all services and users
# description: >-
#   Every google_project_iam_audit_config, google_folder_iam_audit_config
#   and google_organization_iam_audit_config for service "allServices"
#   enables the ADMIN_READ, DATA_READ and DATA_WRITE log types, and no audit
#   config (for allServices or one service) exempts members, since exempted
#   members escape logging for that service. Data access logs are the record
#   of who read or changed which data, the evidence an auditor asks for when
#   investigating an incident.
# custom:
#   id: GCP-LOG-001
#   severity: medium
#   criteria: [CC7.2, CC7.3]
#   resource_types: [google_project_iam_audit_config, google_folder_iam_audit_config, google_organization_iam_audit_config]
#   remediation: >-
#     Use service = "allServices" with one audit_log_config block each for
#     log_type = "ADMIN_READ", "DATA_READ" and "DATA_WRITE", and remove
#     exempted_members.
package soc2scan.rules.gcp.logging.audit_config

import data.soc2scan.lib.terraform as tf

types := ["google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config"]

log_types := {"ADMIN_READ", "DATA_READ", "DATA_WRITE"}

configs := [r | some type in types; some r in tf.resources(type)]

deny contains finding if {
	some r in configs
	tf.is_known(r, "service")
	not tf.contains_unknown(r, "audit_log_config")
	problems := sort(missing(r) | exempted(r))
	count(problems) > 0
	finding := {"resource": r.id, "message": sprintf("%s (service %q) %s", [r.id, tf.value(r, "service"), concat("; ", problems)])}
}

unknown contains tf.undetermined(r, attr) if {
	some r in configs
	some attr in ["service", "audit_log_config"]
	tf.contains_unknown(r, attr)
}

enabled(r) := {c.log_type | some c in tf.blocks(r, "audit_log_config")}

missing(r) := {sprintf("does not enable %s", [concat(", ", sort(absent))]) |
	tf.value(r, "service") == "allServices"
	absent := log_types - enabled(r)
	count(absent) > 0
}

exempted(r) := {sprintf("exempts %s from %s", [concat(", ", members), c.log_type]) |
	some c in tf.blocks(r, "audit_log_config")
	members := object.get(c, "exempted_members", [])
	is_array(members)
	count(members) > 0
}
