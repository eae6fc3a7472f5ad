package soc2scan.rules.azure.sql.tde_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.sql.tde

db(name, values) := {"id": sprintf("azurerm_mssql_database.%s", [name]), "type": "azurerm_mssql_database", "values": values}

test_fail_tde_off if {
	findings := tde.deny with input as doc([db("dw", {"transparent_data_encryption_enabled": false})])
	findings == {{"resource": "azurerm_mssql_database.dw", "message": "azurerm_mssql_database.dw has transparent_data_encryption_enabled = false: its data is not encrypted at rest"}}
}

test_pass_default_and_on if {
	count(tde.deny) == 0 with input as doc([db("a", {}), db("b", {"transparent_data_encryption_enabled": true})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(db("a", {}), {"unknown": {"transparent_data_encryption_enabled": true}})])
	count(tde.deny) == 0 with input as input_doc
	tde.unknown == {{"resource": "azurerm_mssql_database.a", "message": "transparent_data_encryption_enabled is known only after apply"}} with input as input_doc
}
