# METADATA
# title: AKS clusters enforce Kubernetes network policies
# description: >-
#   Every azurerm_kubernetes_cluster sets network_profile.network_policy to
#   azure, calico or cilium. Without a network policy engine, NetworkPolicy
#   objects are ignored and every pod can reach every other pod, so one
#   compromised workload can reach them all.
# custom:
#   id: AZ-AKS-004
#   severity: medium
#   criteria: [CC6.1, CC6.6, CC7.2]
#   resource_types: [azurerm_kubernetes_cluster]
#   remediation: >-
#     Add network_profile { network_plugin = "azure", network_policy =
#     "azure" } (or "calico", or "cilium" with network_data_plane =
#     "cilium").
package soc2scan.rules.azure.aks.network_policy

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

engines := {"azure", "calico", "cilium"}

deny contains finding if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not tf.contains_unknown(c, "network_profile")
	v := object.get(azure.block(c, "network_profile"), "network_policy", "")
	not engine(v)
	finding := {"resource": c.id, "message": message(c, v)}
}

engine(v) if lower(v) in engines

message(c, "") := sprintf("%s sets no network_profile.network_policy: NetworkPolicy objects are not enforced", [c.id])

message(c, v) := sprintf("%s has network_profile.network_policy = %q: NetworkPolicy objects are not enforced", [c.id, v]) if v != ""

unknown contains tf.undetermined(c, "network_profile") if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	tf.contains_unknown(c, "network_profile")
}
