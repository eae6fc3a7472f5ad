package soc2scan.rules.azure.sql.public_access_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.sql.public_access

server(name, values) := {"id": sprintf("azurerm_mssql_server.%s", [name]), "type": "azurerm_mssql_server", "values": values}

rule(name, server, start, end) := {
	"id": sprintf("azurerm_mssql_firewall_rule.%s", [name]),
	"type": "azurerm_mssql_firewall_rule",
	"values": {"start_ip_address": start, "end_ip_address": end},
	"refs": {"server_id": [server]},
}

test_fail_public_server if {
	findings := public_access.deny with input as doc([server("a", {}), server("b", {"public_network_access_enabled": true})])
	findings == {
		{"resource": "azurerm_mssql_server.a", "message": "azurerm_mssql_server.a does not set public_network_access_enabled; the default true lets the server accept connections from the internet"},
		{"resource": "azurerm_mssql_server.b", "message": "azurerm_mssql_server.b has public_network_access_enabled = true: the server accepts connections from the internet"},
	}
}

test_fail_firewall_open_to_all if {
	findings := public_access.deny with input as doc([{
		"id": "azurerm_sql_firewall_rule.all",
		"type": "azurerm_sql_firewall_rule",
		"values": {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"},
	}])
	findings == {{"resource": "azurerm_sql_firewall_rule.all", "message": "azurerm_sql_firewall_rule.all allows start_ip_address 0.0.0.0 to end_ip_address 255.255.255.255, the whole internet"}}
}

test_pass_private_server_and_narrow_rule if {
	count(public_access.deny) == 0 with input as doc([
		server("p", {"public_network_access_enabled": false}),
		rule("inert", "azurerm_mssql_server.p", "0.0.0.0", "255.255.255.255"),
		rule("office", "azurerm_mssql_server.p", "10.0.17.62", "10.0.17.62"),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(server("a", {}), {"unknown": {"public_network_access_enabled": true}})])
	count(public_access.deny) == 0 with input as input_doc
	public_access.unknown == {{"resource": "azurerm_mssql_server.a", "message": "public_network_access_enabled is known only after apply"}} with input as input_doc
}
