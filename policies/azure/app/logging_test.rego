package soc2scan.rules.azure.app.logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.app.logging

app(type, name, values) := {"id": sprintf("%s.%s", [type, name]), "type": type, "values": values}

test_fail_no_logs if {
	findings := logging.deny with input as doc([
		app("azurerm_linux_web_app", "web", {"logs": [{"application_logs": [{"file_system_level": "Error"}]}]}),
		app("azurerm_linux_function_app", "fn", {}),
	])
	findings == {
		{"resource": "azurerm_linux_web_app.web", "message": "azurerm_linux_web_app.web has neither logs.http_logs nor a diagnostic setting sending its logs: requests are not recorded"},
		{"resource": "azurerm_linux_function_app.fn", "message": "azurerm_linux_function_app.fn has neither logs.http_logs nor a diagnostic setting sending its logs: requests are not recorded"},
	}
}

test_pass_http_logs_or_diagnostics if {
	count(logging.deny) == 0 with input as doc([
		app("azurerm_app_service", "web", {"logs": [{"http_logs": [{"file_system": [{"retention_in_days": 90, "retention_in_mb": 35}]}]}]}),
		app("azurerm_linux_function_app", "fn", {}),
		{
			"id": "azurerm_monitor_diagnostic_setting.fn",
			"type": "azurerm_monitor_diagnostic_setting",
			"values": {"log_analytics_workspace_id": "w", "enabled_log": [{"category": "FunctionAppLogs"}]},
			"refs": {"target_resource_id": ["azurerm_linux_function_app.fn"]},
		},
	])
}

test_unknown_logs_are_not_a_finding if {
	input_doc := doc([object.union(app("azurerm_linux_web_app", "web", {}), {"unknown": {"logs": true}})])
	count(logging.deny) == 0 with input as input_doc
	logging.unknown == {{"resource": "azurerm_linux_web_app.web", "message": "logs is known only after apply"}} with input as input_doc
}
