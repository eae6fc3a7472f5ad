# METADATA
# title: Network flow logs are on and kept 90 days
# description: >-
#   Every azurerm_network_watcher_flow_log is enabled and has a
#   retention_policy that is enabled with days of 90 or more (0 keeps logs
#   indefinitely). Flow logs are the record of which addresses talked to
#   which workloads, needed to investigate an incident long after it
#   began.
# custom:
#   id: AZ-NET-004
#   severity: medium
#   criteria: [CC7.2, CC7.3, A1.2, C1.2, PI1.2, PI1.3]
#   resource_types: [azurerm_network_watcher_flow_log]
#   remediation: >-
#     Set enabled = true and retention_policy { enabled = true, days = 90 }
#     (or more), and send the logs to a storage account kept for the audit
#     period.
package soc2scan.rules.azure.network.flow_logs

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

minimum := 90

logs := tf.resources("azurerm_network_watcher_flow_log")

deny contains finding if {
	some fl in logs
	v := tf.value(fl, "enabled")
	azure.falsy(v)
	finding := {"resource": fl.id, "message": sprintf("%s has enabled = %v: traffic is not logged", [fl.id, v])}
}

deny contains finding if {
	some fl in logs
	not azure.has_block(fl, "retention_policy")
	not tf.is_unknown(fl, "retention_policy")
	finding := {"resource": fl.id, "message": sprintf("%s has no retention_policy: logs are not kept for a defined period", [fl.id])}
}

deny contains finding if {
	some fl in logs
	v := object.get(azure.block(fl, "retention_policy"), "enabled", null)
	azure.falsy(v)
	finding := {"resource": fl.id, "message": sprintf("%s has retention_policy.enabled = %v: logs are not kept for a defined period", [fl.id, v])}
}

deny contains finding if {
	some fl in logs
	policy := azure.block(fl, "retention_policy")
	not azure.falsy(object.get(policy, "enabled", null))
	v := object.get(policy, "days", null)
	days := azure.number(v)
	days > 0
	days < minimum
	finding := {"resource": fl.id, "message": sprintf("%s has retention_policy.days = %v, less than %d days", [fl.id, v, minimum])}
}

unknown contains tf.undetermined(fl, attr) if {
	some fl in logs
	some attr in ["enabled", "retention_policy"]
	tf.contains_unknown(fl, attr)
}
