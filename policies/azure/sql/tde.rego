# METADATA
# title: SQL databases keep transparent data encryption on
# description: >-
#   No azurerm_mssql_database sets transparent_data_encryption_enabled =
#   false (the default is true; only data warehouse SKUs can turn it off).
#   Transparent data encryption protects database files, backups and logs at
#   rest; turning it off leaves them readable to anyone who obtains the
#   storage.
# custom:
#   id: AZ-SQL-001
#   severity: high
#   criteria: [CC6.1, CC6.2, CC6.7, PI1.4]
#   resource_types: [azurerm_mssql_database]
#   remediation: >-
#     Remove transparent_data_encryption_enabled = false (or set it to true);
#     preferably add an azurerm_mssql_server_transparent_data_encryption with
#     a key_vault_key_id for a customer-managed key.
package soc2scan.rules.azure.sql.tde

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some db in tf.resources("azurerm_mssql_database")
	v := tf.value(db, "transparent_data_encryption_enabled")
	azure.falsy(v)
	finding := {"resource": db.id, "message": sprintf("%s has transparent_data_encryption_enabled = %v: its data is not encrypted at rest", [db.id, v])}
}

unknown contains tf.undetermined(db, "transparent_data_encryption_enabled") if {
	some db in tf.resources("azurerm_mssql_database")
	tf.is_unknown(db, "transparent_data_encryption_enabled")
}
