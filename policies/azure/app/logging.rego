# METADATA
# title: App Service apps record HTTP or resource logs
# description: >-
#   Every web app has logs.http_logs (file system or blob storage), or a
#   diagnostic setting sending at least one log category to a destination;
#   every function app (which has no http_logs) has such a diagnostic
#   setting. Request logs are the trail needed to investigate misuse of an
#   application.
# custom:
#   id: AZ-APP-005
#   severity: low
#   criteria: [CC7.2, CC7.3, A1.2, PI1.2]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   remediation: >-
#     Add logs { http_logs { file_system { retention_in_days = 90,
#     retention_in_mb = 100 } } } to web apps, or an
#     azurerm_monitor_diagnostic_setting with target_resource_id = the app's
#     id and enabled_log { category = "AppServiceHTTPLogs" } (FunctionAppLogs
#     for function apps) sent to a Log Analytics workspace.
package soc2scan.rules.azure.app.logging

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some app in azure.apps
	not logged(app)
	not tf.contains_unknown(app, "logs")
	not categories_unknown(app)
	finding := {"resource": app.id, "message": sprintf("%s has neither logs.http_logs nor a diagnostic setting sending its logs: requests are not recorded", [app.id])}
}

logged(app) if {
	some http in object.get(azure.block(app, "logs"), "http_logs", [])
	count(http) > 0
}

logged(app) if {
	some ds in azure.diagnostic_settings(app)
	count(azure.log_categories(ds)) > 0
	azure.has_destination(ds)
}

categories_unknown(app) if {
	some ds in azure.diagnostic_settings(app)
	some attr in ["enabled_log", "log"]
	tf.contains_unknown(ds, attr)
}

unknown contains tf.undetermined(app, "logs") if {
	some app in azure.apps
	not logged(app)
	tf.contains_unknown(app, "logs")
}

unknown contains tf.undetermined_because(app, "the log categories of its diagnostic setting are known only after apply") if {
	some app in azure.apps
	not logged(app)
	categories_unknown(app)
}
