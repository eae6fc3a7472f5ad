package soc2scan.rules.azure.db.enforce_tls_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.db.enforce_tls

pg(name, values) := {"id": sprintf("azurerm_postgresql_server.%s", [name]), "type": "azurerm_postgresql_server", "values": values}

config(type, name, values) := {"id": sprintf("%s.%s", [type, name]), "type": type, "values": values}

test_fail_single_servers if {
	findings := enforce_tls.deny with input as doc([
		pg("off", {"ssl_enforcement_enabled": false}),
		pg("absent", {}),
		pg("old", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_0"}),
		{"id": "azurerm_mysql_server.v2", "type": "azurerm_mysql_server", "values": {"ssl_enforcement": "Disabled"}},
	])
	findings == {
		{"resource": "azurerm_postgresql_server.off", "message": "azurerm_postgresql_server.off has ssl_enforcement_enabled = false: clients may connect without TLS"},
		{"resource": "azurerm_postgresql_server.absent", "message": "azurerm_postgresql_server.absent does not set ssl_enforcement_enabled: TLS is not required of clients"},
		{"resource": "azurerm_postgresql_server.old", "message": "azurerm_postgresql_server.old has ssl_minimal_tls_version_enforced = \"TLS1_0\", below TLS1_2"},
		{"resource": "azurerm_mysql_server.v2", "message": "azurerm_mysql_server.v2 has ssl_enforcement = \"Disabled\": clients may connect without TLS"},
	}
}

test_fail_flexible_configurations if {
	findings := enforce_tls.deny with input as doc([
		config("azurerm_postgresql_flexible_server_configuration", "tls", {"name": "require_secure_transport", "value": "off"}),
		config("azurerm_mysql_flexible_server_configuration", "versions", {"name": "tls_version", "value": "TLSv1.1,TLSv1.2"}),
	])
	findings == {
		{"resource": "azurerm_postgresql_flexible_server_configuration.tls", "message": "azurerm_postgresql_flexible_server_configuration.tls sets require_secure_transport to \"off\": clients may connect without TLS"},
		{"resource": "azurerm_mysql_flexible_server_configuration.versions", "message": "azurerm_mysql_flexible_server_configuration.versions sets tls_version to \"TLSv1.1,TLSv1.2\", which allows TLS below 1.2"},
	}
}

test_pass_enforced if {
	count(enforce_tls.deny) == 0 with input as doc([
		pg("a", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_2"}),
		config("azurerm_mysql_flexible_server_configuration", "on", {"name": "require_secure_transport", "value": "ON"}),
		config("azurerm_postgresql_flexible_server_configuration", "min", {"name": "ssl_min_protocol_version", "value": "TLSv1.3"}),
		config("azurerm_postgresql_flexible_server_configuration", "other", {"name": "log_connections", "value": "off"}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(pg("a", {}), {"unknown": {"ssl_enforcement_enabled": true}})])
	count(enforce_tls.deny) == 0 with input as input_doc
	enforce_tls.unknown == {{"resource": "azurerm_postgresql_server.a", "message": "ssl_enforcement_enabled is known only after apply"}} with input as input_doc
}
