# METADATA
# title: SQL servers and managed instances require TLS 1.2
# description: >-
#   No azurerm_mssql_server or azurerm_mssql_managed_instance sets
#   minimum_tls_version below "1.2" or to "Disabled" (the default is "1.2").
#   Older TLS versions have known weaknesses; an auditor expects database
#   connections to use current transport encryption.
# custom:
#   id: AZ-SQL-003
#   severity: medium
#   criteria: [CC6.2, CC6.6, CC6.7]
#   resource_types: [azurerm_mssql_server, azurerm_mssql_managed_instance]
#   remediation: Set minimum_tls_version = "1.2" (or remove the attribute to use the default).
package soc2scan.rules.azure.sql.min_tls

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

servers := azure.resources(["azurerm_mssql_server", "azurerm_mssql_managed_instance"])

deny contains finding if {
	some s in servers
	v := tf.value(s, "minimum_tls_version")
	azure.weak_tls(v)
	finding := {"resource": s.id, "message": sprintf("%s has minimum_tls_version = %q, below 1.2", [s.id, v])}
}

unknown contains tf.undetermined(s, "minimum_tls_version") if {
	some s in servers
	tf.is_unknown(s, "minimum_tls_version")
}
