# METADATA
# title: AKS API servers are private or limited to authorised networks
# description: >-
#   Every azurerm_kubernetes_cluster sets private_cluster_enabled = true, or
#   lists authorised IP ranges (api_server_access_profile.authorized_ip_ranges,
#   or api_server_authorized_ip_ranges before provider 4.0) none of which is
#   the whole internet. A public control plane is exposed to credential
#   attacks and API vulnerabilities from anywhere.
# custom:
#   id: AZ-AKS-002
#   severity: high
#   criteria: [CC3.3, CC6.1, CC6.6]
#   resource_types: [azurerm_kubernetes_cluster]
#   remediation: >-
#     Set private_cluster_enabled = true, or api_server_access_profile {
#     authorized_ip_ranges = [the administrative networks] }.
package soc2scan.rules.azure.aks.api_server_access

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

range_paths := [["api_server_access_profile", 0, "authorized_ip_ranges"], ["api_server_authorized_ip_ranges"]]

deny contains finding if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not azure.truthy(tf.value(c, "private_cluster_enabled"))
	not undetermined(c)
	count(ranges(c)) == 0
	finding := {"resource": c.id, "message": sprintf("%s is not private and sets no authorized_ip_ranges: its API server is reachable from the internet", [c.id])}
}

deny contains finding if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not azure.truthy(tf.value(c, "private_cluster_enabled"))
	some r in ranges(c)
	azure.internet_prefix(r)
	finding := {"resource": c.id, "message": sprintf("%s authorizes %q to reach its API server, the whole internet", [c.id, r])}
}

ranges(c) := [r |
	some path in range_paths
	some r in object.get(c.values, path, [])
]

undetermined(c) if tf.is_unknown(c, "private_cluster_enabled")

undetermined(c) if {
	some path in range_paths
	tf.contains_unknown(c, path)
}

unknown contains tf.undetermined(c, "private_cluster_enabled") if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	undetermined(c)
}
