# METADATA
# title: SQL servers audit database activity and keep the logs 90 days
# description: >-
#   Every azurerm_mssql_server and azurerm_sql_server has an extended
#   auditing policy (its inline extended_auditing_policy block or an
#   azurerm_mssql_server_extended_auditing_policy that refers to it), and no
#   server or database auditing policy is disabled or keeps logs fewer than
#   90 days (retention_in_days = 0, the default, keeps them indefinitely).
#   Audit logs are the record of who read and changed data that an auditor
#   samples and an investigation relies on.
# custom:
#   id: AZ-SQL-002
#   severity: medium
#   criteria: [CC7.2, C1.2, PI1.2]
#   resource_types: [azurerm_mssql_server, azurerm_sql_server, azurerm_mssql_server_extended_auditing_policy, azurerm_mssql_database_extended_auditing_policy]
#   remediation: >-
#     Add an azurerm_mssql_server_extended_auditing_policy with server_id =
#     this server's id, a storage_endpoint or log_monitoring_enabled = true
#     with a Log Analytics diagnostic setting, and retention_in_days = 90 or
#     more (0 keeps logs indefinitely).
#   rationale: >-
#     The servers themselves are judged too: a server with no auditing
#     policy at all is the main gap, and the legacy azurerm_sql_server
#     carries its policy inline.
package soc2scan.rules.azure.sql.auditing

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

minimum := 90

servers := azure.resources(["azurerm_mssql_server", "azurerm_sql_server"])

policy_types := ["azurerm_mssql_server_extended_auditing_policy", "azurerm_mssql_database_extended_auditing_policy"]

# policies are the auditing policies with their resource, label and path.
policies := array.concat(
	[{"resource": s, "label": sprintf("%s extended_auditing_policy", [s.id]), "path": ["extended_auditing_policy", 0], "values": azure.block(s, "extended_auditing_policy")} |
		some s in servers
		azure.has_block(s, "extended_auditing_policy")
	],
	[{"resource": p, "label": p.id, "path": [], "values": p.values} | some p in azure.resources(policy_types)],
)

audited(s) if azure.has_block(s, "extended_auditing_policy")

audited(s) if tf.has_related(s, "azurerm_mssql_server_extended_auditing_policy", "server_id")

deny contains finding if {
	some s in servers
	not audited(s)
	not tf.is_unknown(s, "extended_auditing_policy")
	finding := {"resource": s.id, "message": sprintf("%s has no extended auditing policy: database activity is not recorded", [s.id])}
}

deny contains finding if {
	some p in policies
	v := object.get(p.values, "enabled", true)
	azure.falsy(v)
	finding := {"resource": p.resource.id, "message": sprintf("%s has enabled = %v: auditing is off", [p.label, v])}
}

deny contains finding if {
	some p in policies
	v := object.get(p.values, "retention_in_days", 0)
	days := azure.number(v)
	days > 0
	days < minimum
	finding := {"resource": p.resource.id, "message": sprintf("%s has retention_in_days = %v, less than %d days", [p.label, v, minimum])}
}

unknown contains tf.undetermined(s, "extended_auditing_policy") if {
	some s in servers
	not audited(s)
	tf.is_unknown(s, "extended_auditing_policy")
}

unknown contains tf.undetermined(p.resource, path) if {
	some p in policies
	some attr in ["enabled", "retention_in_days"]
	path := array.concat(p.path, [attr])
	tf.is_unknown(p.resource, path)
}
