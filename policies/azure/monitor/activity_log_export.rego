# METADATA
# title: Subscription activity logs are exported with the security categories
# description: >-
#   Every azurerm_monitor_diagnostic_setting whose target is a subscription
#   (a reference to azurerm_subscription, or an id /subscriptions/ID)
#   enables the Administrative, Security, Policy and Alert categories and
#   sends them to a destination. The activity log is the record of every
#   control-plane change; Azure keeps it only 90 days unless exported.
# custom:
#   id: AZ-MON-002
#   severity: medium
#   criteria: [CC7.2, CC8.1, PI1.2, PI1.3]
#   resource_types: [azurerm_monitor_diagnostic_setting]
#   remediation: >-
#     Give the subscription's diagnostic setting enabled_log blocks for
#     Administrative, Security, Policy and Alert (and a
#     log_analytics_workspace_id or storage_account_id kept for the audit
#     period).
#   rationale: >-
#     Diagnostic settings of other resources are not judged by this rule and
#     count as passed; whether a subscription has a setting at all cannot be
#     told from one module.
package soc2scan.rules.azure.monitor.activity_log_export

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

required := {"administrative", "security", "policy", "alert"}

settings := [ds |
	some ds in tf.resources("azurerm_monitor_diagnostic_setting")
	subscription_target(ds)
]

subscription_target(ds) if {
	some t in tf.refers_to(ds, "target_resource_id")
	t.type == "azurerm_subscription"
}

subscription_target(ds) if regex.match(`^/subscriptions/[^/]+/?$`, tf.value(ds, "target_resource_id"))

categories_unknown(ds) if {
	some attr in ["enabled_log", "log"]
	tf.contains_unknown(ds, attr)
}

deny contains finding if {
	some ds in settings
	not categories_unknown(ds)
	missing := required - azure.log_categories(ds)
	not "alllogs" in azure.log_categories(ds)
	count(missing) > 0
	finding := {"resource": ds.id, "message": sprintf("%s does not export the activity log categories %s", [ds.id, concat(", ", sort(missing))])}
}

deny contains finding if {
	some ds in settings
	not azure.has_destination(ds)
	finding := {"resource": ds.id, "message": sprintf("%s has no log_analytics_workspace_id, storage_account_id or event hub: the activity log is not kept", [ds.id])}
}

unknown contains tf.undetermined(ds, "enabled_log") if {
	some ds in settings
	categories_unknown(ds)
}
