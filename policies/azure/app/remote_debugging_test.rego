package soc2scan.rules.azure.app.remote_debugging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.app.remote_debugging

app(name, site) := {"id": sprintf("azurerm_windows_web_app.%s", [name]), "type": "azurerm_windows_web_app", "values": {"site_config": [site]}}

test_fail_remote_debugging if {
	findings := remote_debugging.deny with input as doc([app("a", {"remote_debugging_enabled": true})])
	findings == {{"resource": "azurerm_windows_web_app.a", "message": "azurerm_windows_web_app.a has site_config.remote_debugging_enabled = true: debuggers can attach to the running app"}}
}

test_pass_off if {
	count(remote_debugging.deny) == 0 with input as doc([app("a", {}), app("b", {"remote_debugging_enabled": false})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(app("a", {}), {"unknown": {"site_config": [{"remote_debugging_enabled": true}]}})])
	count(remote_debugging.deny) == 0 with input as input_doc
	remote_debugging.unknown == {{"resource": "azurerm_windows_web_app.a", "message": "site_config.0.remote_debugging_enabled is known only after apply"}} with input as input_doc
}
