package soc2scan.rules.azure.monitor.activity_log_alerts_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.monitor.activity_log_alerts

alert(name, values) := {"id": sprintf("azurerm_monitor_activity_log_alert.%s", [name]), "type": "azurerm_monitor_activity_log_alert", "values": values}

test_fail_disabled_or_silent if {
	findings := activity_log_alerts.deny with input as doc([
		alert("off", {"enabled": false, "action": [{"action_group_id": "ag"}]}),
		alert("silent", {}),
	])
	findings == {
		{"resource": "azurerm_monitor_activity_log_alert.off", "message": "azurerm_monitor_activity_log_alert.off has enabled = false: the alert never fires"},
		{"resource": "azurerm_monitor_activity_log_alert.silent", "message": "azurerm_monitor_activity_log_alert.silent has no action with an action_group_id: the alert notifies nobody"},
	}
}

test_pass_enabled_with_action if {
	count(activity_log_alerts.deny) == 0 with input as doc([
		alert("a", {"action": [{"action_group_id": "ag"}]}),
		object.union(alert("b", {"action": [{}]}), {"unknown": {"action": [{"action_group_id": true}]}}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(alert("a", {"action": [{"action_group_id": "ag"}]}), {"unknown": {"enabled": true}})])
	count(activity_log_alerts.deny) == 0 with input as input_doc
	activity_log_alerts.unknown == {{"resource": "azurerm_monitor_activity_log_alert.a", "message": "enabled is known only after apply"}} with input as input_doc
}
