# METADATA
# title: Key vaults send audit events to a log destination
# description: >-
#   Every azurerm_key_vault has an azurerm_monitor_diagnostic_setting whose
#   target_resource_id refers to it, enabling the AuditEvent category (or
#   the audit or allLogs category group) and sending it to a Log Analytics
#   workspace, storage account, event hub or partner solution. Audit events
#   record every read of a key or secret: without them nobody can tell who
#   used a credential.
# custom:
#   id: AZ-KV-004
#   severity: medium
#   criteria: [CC7.2, CC7.3, A1.2, PI1.2]
#   resource_types: [azurerm_key_vault]
#   remediation: >-
#     Add an azurerm_monitor_diagnostic_setting with target_resource_id =
#     this vault's id, log_analytics_workspace_id (or storage_account_id) and
#     enabled_log { category_group = "audit" } (or category = "AuditEvent").
package soc2scan.rules.azure.keyvault.logging

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

audit := {"auditevent", "audit", "alllogs"}

deny contains finding if {
	some kv in tf.resources("azurerm_key_vault")
	not logged(kv)
	not undetermined(kv)
	finding := {"resource": kv.id, "message": sprintf("%s has no diagnostic setting sending AuditEvent logs to a destination: use of its keys and secrets is not recorded", [kv.id])}
}

logged(kv) if {
	some ds in azure.diagnostic_settings(kv)
	count(azure.log_categories(ds) & audit) > 0
	azure.has_destination(ds)
}

undetermined(kv) if {
	some ds in azure.diagnostic_settings(kv)
	some attr in ["enabled_log", "log"]
	tf.contains_unknown(ds, attr)
}

unknown contains tf.undetermined_because(kv, sprintf("the log categories of %s are known only after apply", [ds.id])) if {
	some kv in tf.resources("azurerm_key_vault")
	not logged(kv)
	some ds in azure.diagnostic_settings(kv)
	some attr in ["enabled_log", "log"]
	tf.contains_unknown(ds, attr)
}
