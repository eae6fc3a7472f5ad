# METADATA
# title: App Service CORS does not allow every origin
# description: >-
#   No web or function app lists "*" in site_config.cors.allowed_origins.
#   A wildcard lets any website call the app from its visitors' browsers,
#   so a malicious page can read responses meant for the app's own front
#   end.
# custom:
#   id: AZ-APP-004
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   remediation: List the exact origins that need access in site_config.cors.allowed_origins instead of "*".
package soc2scan.rules.azure.app.cors

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some app in azure.apps
	some cors in object.get(azure.block(app, "site_config"), "cors", [])
	"*" in object.get(cors, "allowed_origins", [])
	finding := {"resource": app.id, "message": sprintf("%s has \"*\" in site_config.cors.allowed_origins: any website can call the app", [app.id])}
}

unknown contains tf.undetermined(app, "site_config") if {
	some app in azure.apps
	tf.contains_unknown(app, ["site_config", 0, "cors"])
}
