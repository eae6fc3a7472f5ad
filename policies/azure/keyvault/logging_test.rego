package soc2scan.rules.azure.keyvault.logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.keyvault.logging

kv(name) := {"id": sprintf("azurerm_key_vault.%s", [name]), "type": "azurerm_key_vault"}

setting(name, vault, values) := {
	"id": sprintf("azurerm_monitor_diagnostic_setting.%s", [name]),
	"type": "azurerm_monitor_diagnostic_setting",
	"values": values,
	"refs": {"target_resource_id": [vault]},
}

test_fail_no_or_wrong_setting if {
	findings := logging.deny with input as doc([
		kv("none"),
		kv("metrics"),
		setting("m", "azurerm_key_vault.metrics", {"log_analytics_workspace_id": "w", "metric": [{"category": "AllMetrics"}]}),
	])
	findings == {
		{"resource": "azurerm_key_vault.none", "message": "azurerm_key_vault.none has no diagnostic setting sending AuditEvent logs to a destination: use of its keys and secrets is not recorded"},
		{"resource": "azurerm_key_vault.metrics", "message": "azurerm_key_vault.metrics has no diagnostic setting sending AuditEvent logs to a destination: use of its keys and secrets is not recorded"},
	}
}

test_pass_audit_logs if {
	count(logging.deny) == 0 with input as doc([
		kv("a"),
		setting("a", "azurerm_key_vault.a", {"log_analytics_workspace_id": "w", "enabled_log": [{"category": "AuditEvent"}]}),
		kv("b"),
		object.union(setting("b", "azurerm_key_vault.b", {"log": [{"category_group": "allLogs", "enabled": true}]}), {"unknown": {"storage_account_id": true}}),
	])
}

test_unknown_categories_are_not_a_finding if {
	input_doc := doc([kv("a"), object.union(setting("d", "azurerm_key_vault.a", {"storage_account_id": "s"}), {"unknown": {"enabled_log": true}})])
	count(logging.deny) == 0 with input as input_doc
	logging.unknown == {{"resource": "azurerm_key_vault.a", "message": "the log categories of azurerm_monitor_diagnostic_setting.d are known only after apply"}} with input as input_doc
}
