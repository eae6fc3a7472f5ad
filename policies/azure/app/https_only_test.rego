package soc2scan.rules.azure.app.https_only_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.app.https_only

app(type, name, values) := {"id": sprintf("%s.%s", [type, name]), "type": type, "values": values}

test_fail_http_allowed if {
	findings := https_only.deny with input as doc([
		app("azurerm_linux_web_app", "a", {"https_only": false}),
		app("azurerm_app_service", "b", {}),
	])
	findings == {
		{"resource": "azurerm_linux_web_app.a", "message": "azurerm_linux_web_app.a has https_only = false: the app serves plain HTTP"},
		{"resource": "azurerm_app_service.b", "message": "azurerm_app_service.b does not set https_only; the default false lets the app serve plain HTTP"},
	}
}

test_pass_https_only if {
	count(https_only.deny) == 0 with input as doc([
		app("azurerm_windows_function_app", "f", {"https_only": true}),
		app("azurerm_function_app", "g", {"https_only": "true"}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(app("azurerm_linux_web_app", "a", {}), {"unknown": {"https_only": true}})])
	count(https_only.deny) == 0 with input as input_doc
	https_only.unknown == {{"resource": "azurerm_linux_web_app.a", "message": "https_only is known only after apply"}} with input as input_doc
}
