package soc2scan.rules.azure.db.geo_redundant_backup_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.db.geo_redundant_backup

server(type, values) := {"id": sprintf("%s.db", [type]), "type": type, "values": values}

test_fail_local_backups if {
	findings := geo_redundant_backup.deny with input as doc([
		server("azurerm_postgresql_flexible_server", {}),
		server("azurerm_mysql_server", {"geo_redundant_backup_enabled": false}),
	])
	findings == {
		{"resource": "azurerm_postgresql_flexible_server.db", "message": "azurerm_postgresql_flexible_server.db does not set geo_redundant_backup_enabled; the default false keeps backups in one region"},
		{"resource": "azurerm_mysql_server.db", "message": "azurerm_mysql_server.db has geo_redundant_backup_enabled = false: backups stay in one region"},
	}
}

test_pass_geo_redundant if {
	count(geo_redundant_backup.deny) == 0 with input as doc([
		server("azurerm_mariadb_server", {"geo_redundant_backup_enabled": true}),
		server("azurerm_mysql_flexible_server", {"geo_redundant_backup_enabled": "true"}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(server("azurerm_mysql_server", {}), {"unknown": {"geo_redundant_backup_enabled": true}})])
	count(geo_redundant_backup.deny) == 0 with input as input_doc
	geo_redundant_backup.unknown == {{"resource": "azurerm_mysql_server.db", "message": "geo_redundant_backup_enabled is known only after apply"}} with input as input_doc
}
