package soc2scan.rules.azure.app.cors_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.app.cors

app(name, origins) := {
	"id": sprintf("azurerm_linux_web_app.%s", [name]),
	"type": "azurerm_linux_web_app",
	"values": {"site_config": [{"cors": [{"allowed_origins": origins}]}]},
}

test_fail_wildcard if {
	findings := cors.deny with input as doc([app("a", ["https://example.com", "*"])])
	findings == {{"resource": "azurerm_linux_web_app.a", "message": "azurerm_linux_web_app.a has \"*\" in site_config.cors.allowed_origins: any website can call the app"}}
}

test_pass_listed_origins if {
	count(cors.deny) == 0 with input as doc([app("a", ["https://example.com"]), {"id": "azurerm_app_service.b", "type": "azurerm_app_service"}])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(app("a", []), {"unknown": {"site_config": [{"cors": true}]}})])
	count(cors.deny) == 0 with input as input_doc
	cors.unknown == {{"resource": "azurerm_linux_web_app.a", "message": "site_config is known only after apply"}} with input as input_doc
}
