package soc2scan.rules.azure.monitor.activity_log_export_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.monitor.activity_log_export

subscription := {"id": "data.azurerm_subscription.current", "type": "azurerm_subscription", "mode": "data"}

setting(name, categories) := {
	"id": sprintf("azurerm_monitor_diagnostic_setting.%s", [name]),
	"type": "azurerm_monitor_diagnostic_setting",
	"values": {"log_analytics_workspace_id": "w", "enabled_log": [{"category": c} | some c in categories]},
	"refs": {"target_resource_id": ["data.azurerm_subscription.current"]},
}

test_fail_missing_categories if {
	findings := activity_log_export.deny with input as doc([subscription, setting("s", ["Administrative", "Security"])])
	findings == {{"resource": "azurerm_monitor_diagnostic_setting.s", "message": "azurerm_monitor_diagnostic_setting.s does not export the activity log categories alert, policy"}}
}

test_fail_literal_subscription_without_destination if {
	findings := activity_log_export.deny with input as doc([{
		"id": "azurerm_monitor_diagnostic_setting.s",
		"type": "azurerm_monitor_diagnostic_setting",
		"values": {"target_resource_id": "/subscriptions/0000", "enabled_log": [{"category": "Administrative"}, {"category": "Security"}, {"category": "Policy"}, {"category": "Alert"}]},
	}])
	findings == {{"resource": "azurerm_monitor_diagnostic_setting.s", "message": "azurerm_monitor_diagnostic_setting.s has no log_analytics_workspace_id, storage_account_id or event hub: the activity log is not kept"}}
}

test_pass_all_categories_and_other_targets if {
	count(activity_log_export.deny) == 0 with input as doc([
		subscription,
		setting("s", ["Administrative", "Security", "Policy", "Alert", "Recommendation"]),
		{"id": "azurerm_key_vault.kv", "type": "azurerm_key_vault"},
		object.union(setting("kv", ["AuditEvent"]), {"refs": {"target_resource_id": ["azurerm_key_vault.kv"]}}),
	])
}

test_unknown_categories_are_not_a_finding if {
	input_doc := doc([subscription, object.union(setting("s", []), {"unknown": {"enabled_log": true}})])
	count(activity_log_export.deny) == 0 with input as input_doc
	activity_log_export.unknown == {{"resource": "azurerm_monitor_diagnostic_setting.s", "message": "enabled_log is known only after apply"}} with input as input_doc
}
