# METADATA
# title: Database servers keep geo-redundant backups
# description: >-
#   Every Azure Database for PostgreSQL, MySQL and MariaDB server (single and
#   flexible) sets geo_redundant_backup_enabled = true (the default is
#   false, and it can only be chosen at creation). Backups kept only in the
#   server's region are lost with the region; an auditor expects recovery
#   to survive a regional outage.
# custom:
#   id: AZ-DB-002
#   severity: medium
#   criteria: [A1.2, PI1.5]
#   resource_types: [azurerm_postgresql_flexible_server, azurerm_mysql_flexible_server, azurerm_postgresql_server, azurerm_mysql_server, azurerm_mariadb_server]
#   remediation: Set geo_redundant_backup_enabled = true (this recreates the server; plan the migration).
package soc2scan.rules.azure.db.geo_redundant_backup

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

servers := azure.resources([
	"azurerm_postgresql_flexible_server",
	"azurerm_mysql_flexible_server",
	"azurerm_postgresql_server",
	"azurerm_mysql_server",
	"azurerm_mariadb_server",
])

deny contains finding if {
	some s in servers
	v := tf.value(s, "geo_redundant_backup_enabled")
	v != null
	not azure.truthy(v)
	finding := {"resource": s.id, "message": sprintf("%s has geo_redundant_backup_enabled = %v: backups stay in one region", [s.id, v])}
}

deny contains finding if {
	some s in servers
	tf.value(s, "geo_redundant_backup_enabled") == null
	tf.is_known(s, "geo_redundant_backup_enabled")
	finding := {"resource": s.id, "message": sprintf("%s does not set geo_redundant_backup_enabled; the default false keeps backups in one region", [s.id])}
}

unknown contains tf.undetermined(s, "geo_redundant_backup_enabled") if {
	some s in servers
	tf.is_unknown(s, "geo_redundant_backup_enabled")
}
