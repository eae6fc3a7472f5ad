package soc2scan.rules.gcp.sql.require_ssl_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.sql.require_ssl

db(name, ip) := {"id": sprintf("google_sql_database_instance.%s", [name]), "type": "google_sql_database_instance", "values": {"settings": [{"ip_configuration": ip}]}}

test_fail_unencrypted_allowed if {
	findings := require_ssl.deny with input as doc([
		db("absent", []),
		db("mode", [{"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"}]),
		db("legacy", [{"require_ssl": false}]),
	])
	findings == {
		{"resource": "google_sql_database_instance.absent", "message": "google_sql_database_instance.absent sets neither ssl_mode nor require_ssl in settings.ip_configuration; unencrypted connections are accepted"},
		{"resource": "google_sql_database_instance.mode", "message": "google_sql_database_instance.mode has settings.ip_configuration.ssl_mode = \"ALLOW_UNENCRYPTED_AND_ENCRYPTED\"; unencrypted connections are accepted"},
		{"resource": "google_sql_database_instance.legacy", "message": "google_sql_database_instance.legacy has settings.ip_configuration.require_ssl = false; unencrypted connections are accepted"},
	}
}

test_pass_encrypted if {
	count(require_ssl.deny) == 0 with input as doc([
		db("a", [{"ssl_mode": "ENCRYPTED_ONLY"}]),
		db("b", [{"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}]),
		db("c", [{"require_ssl": true}]),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(db("a", [{"ssl_mode": null}]), {"unknown": {"settings": [{"ip_configuration": [{"ssl_mode": true}]}]}})])
	count(require_ssl.deny) == 0 with input as input_doc
	require_ssl.unknown == {{"resource": "google_sql_database_instance.a", "message": "settings.0.ip_configuration.0.ssl_mode is known only after apply"}} with input as input_doc
}
