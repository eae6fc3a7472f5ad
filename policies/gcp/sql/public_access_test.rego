package soc2scan.rules.gcp.sql.public_access_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.sql.public_access

db(name, ip) := {"id": sprintf("google_sql_database_instance.%s", [name]), "type": "google_sql_database_instance", "values": {"settings": [{"tier": "db-f1-micro", "ip_configuration": ip}]}}

test_fail_world_and_public_ip if {
	findings := public_access.deny with input as doc([
		db("world", [{"ipv4_enabled": true, "authorized_networks": [{"name": "all", "value": "0.0.0.0/0"}]}]),
		db("default", []),
		db("explicit", [{"ipv4_enabled": true}]),
	])
	findings == {
		{"resource": "google_sql_database_instance.world", "message": "google_sql_database_instance.world authorizes 0.0.0.0/0 in settings.ip_configuration.authorized_networks"},
		{"resource": "google_sql_database_instance.default", "message": "google_sql_database_instance.default does not set settings.ip_configuration.ipv4_enabled = false; the instance has a public IPv4 address"},
		{"resource": "google_sql_database_instance.explicit", "message": "google_sql_database_instance.explicit has settings.ip_configuration.ipv4_enabled = true; the instance has a public IPv4 address"},
	}
}

test_pass_private_only if {
	count(public_access.deny) == 0 with input as doc([db("private", [{"ipv4_enabled": false, "private_network": "projects/p/global/networks/vpc"}])])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(db("a", [{"ipv4_enabled": null}]), {"unknown": {"settings": [{"ip_configuration": [{"ipv4_enabled": true}]}]}})])
	count(public_access.deny) == 0 with input as input_doc
	public_access.unknown == {{"resource": "google_sql_database_instance.a", "message": "settings.0.ip_configuration.0.ipv4_enabled is known only after apply"}} with input as input_doc
}
