# METADATA
# title: App Service apps keep remote debugging off
# description: >-
#   No web or function app sets site_config.remote_debugging_enabled = true
#   (the default is false). Remote debugging opens extra ports and lets a
#   debugger attach to production code, bypassing the change process an
#   auditor expects for production.
# custom:
#   id: AZ-APP-003
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   remediation: Remove site_config.remote_debugging_enabled or set it to false.
package soc2scan.rules.azure.app.remote_debugging

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some app in azure.apps
	v := object.get(azure.block(app, "site_config"), "remote_debugging_enabled", null)
	azure.truthy(v)
	finding := {"resource": app.id, "message": sprintf("%s has site_config.remote_debugging_enabled = %v: debuggers can attach to the running app", [app.id, v])}
}

unknown contains tf.undetermined(app, ["site_config", 0, "remote_debugging_enabled"]) if {
	some app in azure.apps
	tf.is_unknown(app, ["site_config", 0, "remote_debugging_enabled"])
}
