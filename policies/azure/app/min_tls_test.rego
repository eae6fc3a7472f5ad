package soc2scan.rules.azure.app.min_tls_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.app.min_tls

app(type, name, site) := {"id": sprintf("%s.%s", [type, name]), "type": type, "values": {"site_config": [site]}}

test_fail_old_tls if {
	findings := min_tls.deny with input as doc([
		app("azurerm_app_service", "legacy", {"min_tls_version": 1.1}),
		app("azurerm_linux_web_app", "web", {"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.0"}),
	])
	findings == {
		{"resource": "azurerm_app_service.legacy", "message": "azurerm_app_service.legacy has site_config.min_tls_version = 1.1, below 1.2"},
		{"resource": "azurerm_linux_web_app.web", "message": "azurerm_linux_web_app.web has site_config.scm_minimum_tls_version = 1.0, below 1.2"},
	}
}

test_pass_12_or_default if {
	count(min_tls.deny) == 0 with input as doc([
		app("azurerm_app_service", "a", {"min_tls_version": 1.2}),
		app("azurerm_windows_web_app", "b", {"minimum_tls_version": "1.3"}),
		{"id": "azurerm_linux_function_app.c", "type": "azurerm_linux_function_app"},
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(app("azurerm_linux_web_app", "a", {}), {"unknown": {"site_config": [{"minimum_tls_version": true}]}})])
	count(min_tls.deny) == 0 with input as input_doc
	min_tls.unknown == {{"resource": "azurerm_linux_web_app.a", "message": "site_config.0.minimum_tls_version is known only after apply"}} with input as input_doc
}
