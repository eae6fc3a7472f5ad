# METADATA
# title: Cloud SQL instances accept only encrypted connections
# description: >-
#   Every google_sql_database_instance sets settings.ip_configuration.ssl_mode
#   to ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED, or, on
#   providers before v6, require_ssl = true. Absent, the instance also
#   accepts unencrypted connections, and credentials and data can cross the
#   network in clear text.
# custom:
#   id: GCP-SQL-002
#   severity: high
#   criteria: [CC6.7]
#   resource_types: [google_sql_database_instance]
#   remediation: >-
#     Set ssl_mode = "ENCRYPTED_ONLY" (or "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
#     to also require client certificates) in settings.ip_configuration.
package soc2scan.rules.gcp.sql.require_ssl

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

encrypted_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

deny contains finding if {
	some db in tf.resources("google_sql_database_instance")
	not encrypted(db)
	count(unknown_paths(db)) == 0
	finding := {"resource": db.id, "message": message(db)}
}

unknown contains tf.undetermined(db, path) if {
	some db in tf.resources("google_sql_database_instance")
	not encrypted(db)
	some path in unknown_paths(db)
}

encrypted(db) if gcp.sql_ip_configuration(db).ssl_mode in encrypted_modes

encrypted(db) if gcp.sql_ip_configuration(db).require_ssl in {true, "true"}

unknown_paths(db) := {p |
	some p in [
		"settings",
		["settings", 0, "ip_configuration"],
		["settings", 0, "ip_configuration", 0, "ssl_mode"],
		["settings", 0, "ip_configuration", 0, "require_ssl"],
	]
	tf.is_unknown(db, p)
}

message(db) := sprintf("%s has settings.ip_configuration.ssl_mode = %q; unencrypted connections are accepted", [db.id, mode]) if {
	mode := gcp.sql_ip_configuration(db).ssl_mode
	is_string(mode)
} else := sprintf("%s has settings.ip_configuration.require_ssl = false; unencrypted connections are accepted", [db.id]) if {
	gcp.sql_ip_configuration(db).require_ssl in {false, "false"}
} else := sprintf("%s sets neither ssl_mode nor require_ssl in settings.ip_configuration; unencrypted connections are accepted", [db.id])
