package soc2scan.rules.azure.sql.defender_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.sql.defender

alerts(name, state) := {"id": sprintf("azurerm_mssql_server_security_alert_policy.%s", [name]), "type": "azurerm_mssql_server_security_alert_policy", "values": {"state": state}}

va(name, values) := {"id": sprintf("azurerm_mssql_server_vulnerability_assessment.%s", [name]), "type": "azurerm_mssql_server_vulnerability_assessment", "values": values}

test_fail_disabled_and_no_scans if {
	findings := defender.deny with input as doc([alerts("a", "Disabled"), va("v", {})])
	findings == {
		{"resource": "azurerm_mssql_server_security_alert_policy.a", "message": "azurerm_mssql_server_security_alert_policy.a has state = \"Disabled\": threat detection alerts are off"},
		{"resource": "azurerm_mssql_server_vulnerability_assessment.v", "message": "azurerm_mssql_server_vulnerability_assessment.v does not set recurring_scans.enabled = true: the database is never scanned"},
	}
}

test_pass_enabled if {
	count(defender.deny) == 0 with input as doc([alerts("a", "Enabled"), va("v", {"recurring_scans": [{"enabled": true}]})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(va("v", {}), {"unknown": {"recurring_scans": true}})])
	count(defender.deny) == 0 with input as input_doc
	defender.unknown == {{"resource": "azurerm_mssql_server_vulnerability_assessment.v", "message": "recurring_scans is known only after apply"}} with input as input_doc
}
