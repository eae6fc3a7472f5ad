package soc2scan.rules.azure.network.flow_logs_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.network.flow_logs

log(name, values) := {"id": sprintf("azurerm_network_watcher_flow_log.%s", [name]), "type": "azurerm_network_watcher_flow_log", "values": values}

test_fail_disabled_and_short if {
	findings := flow_logs.deny with input as doc([
		log("off", {"enabled": false, "retention_policy": [{"enabled": true, "days": 90}]}),
		log("short", {"enabled": true, "retention_policy": [{"enabled": true, "days": 7}]}),
		log("none", {"enabled": true}),
	])
	findings == {
		{"resource": "azurerm_network_watcher_flow_log.off", "message": "azurerm_network_watcher_flow_log.off has enabled = false: traffic is not logged"},
		{"resource": "azurerm_network_watcher_flow_log.short", "message": "azurerm_network_watcher_flow_log.short has retention_policy.days = 7, less than 90 days"},
		{"resource": "azurerm_network_watcher_flow_log.none", "message": "azurerm_network_watcher_flow_log.none has no retention_policy: logs are not kept for a defined period"},
	}
}

test_pass_enabled_90_days if {
	count(flow_logs.deny) == 0 with input as doc([
		log("a", {"enabled": true, "retention_policy": [{"enabled": true, "days": 90}]}),
		log("forever", {"enabled": true, "retention_policy": [{"enabled": true, "days": 0}]}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(log("a", {"retention_policy": [{"enabled": true, "days": 90}]}), {"unknown": {"enabled": true}})])
	count(flow_logs.deny) == 0 with input as input_doc
	flow_logs.unknown == {{"resource": "azurerm_network_watcher_flow_log.a", "message": "enabled is known only after apply"}} with input as input_doc
}
