package soc2scan.rules.azure.sql.min_tls_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.sql.min_tls

server(name, values) := {"id": sprintf("azurerm_mssql_server.%s", [name]), "type": "azurerm_mssql_server", "values": values}

test_fail_old_or_disabled if {
	findings := min_tls.deny with input as doc([
		server("a", {"minimum_tls_version": "1.1"}),
		{"id": "azurerm_mssql_managed_instance.m", "type": "azurerm_mssql_managed_instance", "values": {"minimum_tls_version": "Disabled"}},
	])
	findings == {
		{"resource": "azurerm_mssql_server.a", "message": "azurerm_mssql_server.a has minimum_tls_version = \"1.1\", below 1.2"},
		{"resource": "azurerm_mssql_managed_instance.m", "message": "azurerm_mssql_managed_instance.m has minimum_tls_version = \"Disabled\", below 1.2"},
	}
}

test_pass_default_and_12 if {
	count(min_tls.deny) == 0 with input as doc([server("a", {}), server("b", {"minimum_tls_version": "1.2"})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(server("a", {}), {"unknown": {"minimum_tls_version": true}})])
	count(min_tls.deny) == 0 with input as input_doc
	min_tls.unknown == {{"resource": "azurerm_mssql_server.a", "message": "minimum_tls_version is known only after apply"}} with input as input_doc
}
