# METADATA
# title: Activity log alerts are enabled and notify an action group
# description: >-
#   Every azurerm_monitor_activity_log_alert is enabled (the default) and has
#   an action block naming an action group. An alert on policy assignment,
#   network security group, security solution, SQL firewall or public IP
#   changes that is disabled, or that notifies nobody, gives no warning of
#   an unauthorised change. Whether alerts exist for each of those
#   operations is a subscription-wide question one module cannot answer.
# custom:
#   id: AZ-MON-001
#   severity: medium
#   criteria: [CC2.1, CC5.2, CC7.2, CC7.3, CC7.4, CC8.1]
#   resource_types: [azurerm_monitor_activity_log_alert]
#   remediation: >-
#     Remove enabled = false and add action { action_group_id = ... } with an
#     azurerm_monitor_action_group that reaches the security team.
package soc2scan.rules.azure.monitor.activity_log_alerts

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

alerts := tf.resources("azurerm_monitor_activity_log_alert")

deny contains finding if {
	some a in alerts
	v := tf.value(a, "enabled")
	azure.falsy(v)
	finding := {"resource": a.id, "message": sprintf("%s has enabled = %v: the alert never fires", [a.id, v])}
}

deny contains finding if {
	some a in alerts
	not notifies(a)
	not tf.contains_unknown(a, "action")
	finding := {"resource": a.id, "message": sprintf("%s has no action with an action_group_id: the alert notifies nobody", [a.id])}
}

notifies(a) if {
	some i, _ in tf.blocks(a, "action")
	azure.given(a, ["action", i, "action_group_id"])
}

unknown contains tf.undetermined(a, attr) if {
	some a in alerts
	some attr in ["enabled", "action"]
	tf.contains_unknown(a, attr)
}
