# METADATA
# title: App Service apps require TLS 1.2 or later
# description: >-
#   No web or function app sets site_config.minimum_tls_version,
#   site_config.scm_minimum_tls_version (provider 3.x/4.x apps) or
#   site_config.min_tls_version (azurerm_app_service, azurerm_function_app)
#   below 1.2; the default is 1.2. TLS 1.0 and 1.1 have known weaknesses and
#   are deprecated.
# custom:
#   id: AZ-APP-002
#   severity: medium
#   criteria: [CC6.6, CC6.7]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   remediation: Set site_config.minimum_tls_version = "1.2" (min_tls_version on azurerm_app_service) or remove it to use the default.
package soc2scan.rules.azure.app.min_tls

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

attributes := ["minimum_tls_version", "scm_minimum_tls_version", "min_tls_version"]

deny contains finding if {
	some app in azure.apps
	site := azure.block(app, "site_config")
	some attr in attributes
	v := object.get(site, attr, null)
	azure.weak_tls(v)
	finding := {"resource": app.id, "message": sprintf("%s has site_config.%s = %v, below 1.2", [app.id, attr, v])}
}

unknown contains tf.undetermined(app, ["site_config", 0, attr]) if {
	some app in azure.apps
	some attr in attributes
	tf.is_unknown(app, ["site_config", 0, attr])
}
