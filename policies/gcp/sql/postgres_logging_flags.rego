# METADATA
# title: PostgreSQL instances log connections, DDL and errors
# description: >-
#   Every PostgreSQL google_sql_database_instance and every
#   google_alloydb_instance sets the database flags log_connections = on,
#   log_disconnections = on, log_statement = ddl (or the broader mod or
#   all), and log_min_messages and log_min_error_statement to error or a
#   more verbose level. These flags record who connected, what changed the
#   schema and what failed: the database activity an auditor expects to be
#   monitored.
# custom:
#   id: GCP-SQL-004
#   severity: medium
#   criteria: [CC7.2]
#   resource_types: [google_sql_database_instance, google_alloydb_instance]
#   remediation: >-
#     Add database_flags blocks (Cloud SQL) or database_flags entries
#     (AlloyDB): log_connections = "on", log_disconnections = "on",
#     log_statement = "ddl", log_min_messages = "warning",
#     log_min_error_statement = "error".
package soc2scan.rules.gcp.sql.postgres_logging_flags

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

# Levels at or more verbose than error: messages of severity error are kept.
error_or_verbose := {"debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning", "error"}

# required maps each flag to the values that satisfy it and how to say so.
required := {
	"log_connections": [{"on"}, "on"],
	"log_disconnections": [{"on"}, "on"],
	"log_statement": [{"ddl", "mod", "all"}, "ddl, mod or all"],
	"log_min_messages": [error_or_verbose, "error or more verbose"],
	"log_min_error_statement": [error_or_verbose, "error or more verbose"],
}

postgres := array.concat(
	[db |
		some db in tf.resources("google_sql_database_instance")
		startswith(upper(sprintf("%v", [tf.value(db, "database_version")])), "POSTGRES")
	],
	tf.resources("google_alloydb_instance"),
)

deny contains finding if {
	some db in postgres
	not flags_unknown(db)
	bad := wrong_flags(db)
	count(bad) > 0
	finding := {"resource": db.id, "message": sprintf("%s database flags do not log enough: %s", [db.id, concat("; ", bad)])}
}

unknown contains tf.undetermined(db, "database_flags") if {
	some db in postgres
	flags_unknown(db)
}

unknown contains tf.undetermined(db, "database_version") if {
	some db in tf.resources("google_sql_database_instance")
	tf.is_unknown(db, "database_version")
}

wrong_flags(db) := sort([msg |
	flags := gcp.database_flags(db)
	some name, [ok, want] in required
	msg := problem(name, object.get(flags, name, null), ok, want)
])

problem(name, null, _, want) := sprintf("%s is not set (want %s)", [name, want])

problem(name, value, ok, want) := sprintf("%s = %v (want %s)", [name, json.marshal(value), want]) if {
	value != null
	not lower(sprintf("%v", [value])) in ok
}

flags_unknown(db) if tf.contains_unknown(db, "database_flags")

flags_unknown(db) if tf.is_unknown(db, "settings")

flags_unknown(db) if tf.contains_unknown(db, ["settings", 0, "database_flags"])
