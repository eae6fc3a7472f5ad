package soc2scan.rules.gcp.sql.postgres_logging_flags_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.sql.postgres_logging_flags

good := {
	"log_connections": "on",
	"log_disconnections": "on",
	"log_statement": "ddl",
	"log_min_messages": "warning",
	"log_min_error_statement": "error",
}

sql(name, version, flags) := {
	"id": sprintf("google_sql_database_instance.%s", [name]),
	"type": "google_sql_database_instance",
	"values": {"database_version": version, "settings": [{"database_flags": [{"name": k, "value": v} | some k, v in flags]}]},
}

alloy(name, flags) := {"id": sprintf("google_alloydb_instance.%s", [name]), "type": "google_alloydb_instance", "values": {"database_flags": flags}}

test_fail_missing_and_weak_flags if {
	findings := postgres_logging_flags.deny with input as doc([
		sql("pg", "POSTGRES_15", object.union(good, {"log_connections": "off", "log_min_messages": "fatal"})),
		alloy("a", {"log_connections": "on", "log_disconnections": "on", "log_statement": "ddl", "log_min_messages": "error"}),
	])
	findings == {
		{
			"resource": "google_sql_database_instance.pg",
			"message": "google_sql_database_instance.pg database flags do not log enough: log_connections = \"off\" (want on); log_min_messages = \"fatal\" (want error or more verbose)",
		},
		{
			"resource": "google_alloydb_instance.a",
			"message": "google_alloydb_instance.a database flags do not log enough: log_min_error_statement is not set (want error or more verbose)",
		},
	}
}

test_pass_flags_set_or_not_postgres if {
	count(postgres_logging_flags.deny) == 0 with input as doc([
		sql("pg", "POSTGRES_15", good),
		sql("mysql", "MYSQL_8_0", {}),
		alloy("a", object.union(good, {"log_statement": "all"})),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(sql("pg", "POSTGRES_15", {}), {"unknown": {"settings": [{"database_flags": true}]}})])
	count(postgres_logging_flags.deny) == 0 with input as input_doc
	postgres_logging_flags.unknown == {{"resource": "google_sql_database_instance.pg", "message": "database_flags is known only after apply"}} with input as input_doc
}
