# METADATA
# title: App Service apps redirect HTTP to HTTPS
# description: >-
#   Every web and function app (azurerm_linux_web_app,
#   azurerm_windows_web_app, azurerm_linux_function_app,
#   azurerm_windows_function_app and the older azurerm_app_service and
#   azurerm_function_app) sets https_only = true; the default is false,
#   which serves requests, cookies and tokens over plain HTTP.
# custom:
#   id: AZ-APP-001
#   severity: high
#   criteria: [CC6.1, CC6.6, CC6.7]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   remediation: Set https_only = true on the app.
package soc2scan.rules.azure.app.https_only

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some app in azure.apps
	v := tf.value(app, "https_only")
	v != null
	not azure.truthy(v)
	finding := {"resource": app.id, "message": sprintf("%s has https_only = %v: the app serves plain HTTP", [app.id, v])}
}

deny contains finding if {
	some app in azure.apps
	tf.value(app, "https_only") == null
	tf.is_known(app, "https_only")
	finding := {"resource": app.id, "message": sprintf("%s does not set https_only; the default false lets the app serve plain HTTP", [app.id])}
}

unknown contains tf.undetermined(app, "https_only") if {
	some app in azure.apps
	tf.is_unknown(app, "https_only")
}
