# METADATA
# title: Cloud SQL instances are not reachable from the internet
# description: >-
#   No google_sql_database_instance authorizes 0.0.0.0/0 (or ::/0) in
#   settings.ip_configuration.authorized_networks, and every instance sets
#   ipv4_enabled = false so that it has no public IPv4 address (absent, the
#   provider gives it one). A database with a public address is one
#   credential away from the internet; an auditor expects databases to be
#   reachable only from the private network (private_network) or through
#   the Cloud SQL Auth Proxy.
# custom:
#   id: GCP-SQL-001
#   severity: high
#   criteria: [CC5.2, CC6.1, CC6.2]
#   resource_types: [google_sql_database_instance]
#   remediation: >-
#     In settings.ip_configuration set ipv4_enabled = false and
#     private_network to the VPC the clients use, and remove 0.0.0.0/0 from
#     authorized_networks; where a public IP is unavoidable, authorize only
#     the clients' addresses and waive this finding with the reason.
package soc2scan.rules.gcp.sql.public_access

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some db in tf.resources("google_sql_database_instance")
	not undetermined(db)
	msg := exposure(db)
	finding := {"resource": db.id, "message": msg}
}

unknown contains tf.undetermined(db, path) if {
	some db in tf.resources("google_sql_database_instance")
	not exposure(db)
	some path in unknown_paths(db)
}

world_networks(db) := [n.value |
	some n in gcp.block_list(object.get(gcp.sql_ip_configuration(db), "authorized_networks", []))
	n.value in gcp.world_cidrs
]

exposure(db) := sprintf("%s authorizes %s in settings.ip_configuration.authorized_networks", [db.id, concat(", ", world_networks(db))]) if {
	count(world_networks(db)) > 0
} else := sprintf("%s does not set settings.ip_configuration.ipv4_enabled = false; the instance has a public IPv4 address", [db.id]) if {
	object.get(gcp.sql_ip_configuration(db), "ipv4_enabled", null) == null
	not undetermined(db)
} else := sprintf("%s has settings.ip_configuration.ipv4_enabled = true; the instance has a public IPv4 address", [db.id]) if {
	object.get(gcp.sql_ip_configuration(db), "ipv4_enabled", null) in {true, "true"}
}

undetermined(db) if count(unknown_paths(db)) > 0

unknown_paths(db) := {p |
	some p in [
		"settings",
		["settings", 0, "ip_configuration"],
		["settings", 0, "ip_configuration", 0, "ipv4_enabled"],
	]
	tf.is_unknown(db, p)
}
