package soc2scan.rules.azure.sql.auditing_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.sql.auditing

server(name, values) := {"id": sprintf("azurerm_mssql_server.%s", [name]), "type": "azurerm_mssql_server", "values": values}

policy(name, server, values) := {
	"id": sprintf("azurerm_mssql_server_extended_auditing_policy.%s", [name]),
	"type": "azurerm_mssql_server_extended_auditing_policy",
	"values": values,
	"refs": {"server_id": [server]},
}

test_fail_no_auditing if {
	findings := auditing.deny with input as doc([server("s", {}), {"id": "azurerm_sql_server.old", "type": "azurerm_sql_server"}])
	findings == {
		{"resource": "azurerm_mssql_server.s", "message": "azurerm_mssql_server.s has no extended auditing policy: database activity is not recorded"},
		{"resource": "azurerm_sql_server.old", "message": "azurerm_sql_server.old has no extended auditing policy: database activity is not recorded"},
	}
}

test_fail_short_retention_and_disabled if {
	findings := auditing.deny with input as doc([
		server("s", {"extended_auditing_policy": [{"retention_in_days": 30}]}),
		server("t", {}),
		policy("p", "azurerm_mssql_server.t", {"enabled": false}),
	])
	findings == {
		{"resource": "azurerm_mssql_server.s", "message": "azurerm_mssql_server.s extended_auditing_policy has retention_in_days = 30, less than 90 days"},
		{"resource": "azurerm_mssql_server_extended_auditing_policy.p", "message": "azurerm_mssql_server_extended_auditing_policy.p has enabled = false: auditing is off"},
	}
}

test_pass_audited if {
	count(auditing.deny) == 0 with input as doc([
		server("inline", {"extended_auditing_policy": [{"retention_in_days": "90"}]}),
		server("separate", {}),
		policy("p", "azurerm_mssql_server.separate", {"retention_in_days": 0}),
	])
}

test_unknown_retention_is_not_a_finding if {
	input_doc := doc([server("s", {}), object.union(policy("p", "azurerm_mssql_server.s", {}), {"unknown": {"retention_in_days": true}})])
	count(auditing.deny) == 0 with input as input_doc
	auditing.unknown == {{"resource": "azurerm_mssql_server_extended_auditing_policy.p", "message": "retention_in_days is known only after apply"}} with input as input_doc
}
