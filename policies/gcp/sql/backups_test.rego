package soc2scan.rules.gcp.sql.backups_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.sql.backups

db(name, settings) := {"id": sprintf("google_sql_database_instance.%s", [name]), "type": "google_sql_database_instance", "values": {"settings": [settings]}}

test_fail_backups_off if {
	findings := backups.deny with input as doc([
		db("none", {"tier": "db-f1-micro"}),
		db("off", {"backup_configuration": [{"enabled": false}]}),
		db("binlog", {"backup_configuration": [{"binary_log_enabled": true}]}),
	])
	findings == {
		{"resource": "google_sql_database_instance.none", "message": "google_sql_database_instance.none has no settings.backup_configuration; automated backups are off"},
		{"resource": "google_sql_database_instance.off", "message": "google_sql_database_instance.off has settings.backup_configuration.enabled = false; automated backups are off"},
		{"resource": "google_sql_database_instance.binlog", "message": "google_sql_database_instance.binlog does not set settings.backup_configuration.enabled = true; automated backups are off"},
	}
}

test_pass_enabled_or_replica if {
	count(backups.deny) == 0 with input as doc([
		db("on", {"backup_configuration": [{"enabled": true, "point_in_time_recovery_enabled": true}]}),
		{"id": "google_sql_database_instance.replica", "type": "google_sql_database_instance", "values": {"master_instance_name": "main", "settings": [{"tier": "db-f1-micro"}]}},
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(db("a", {"backup_configuration": [{"enabled": null}]}), {"unknown": {"settings": [{"backup_configuration": [{"enabled": true}]}]}})])
	count(backups.deny) == 0 with input as input_doc
	backups.unknown == {{"resource": "google_sql_database_instance.a", "message": "settings.0.backup_configuration.0.enabled is known only after apply"}} with input as input_doc
}
