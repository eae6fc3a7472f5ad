# METADATA
# title: AKS clusters run the Azure Policy add-on
# description: >-
#   Every azurerm_kubernetes_cluster sets azure_policy_enabled = true
#   (addon_profile.azure_policy.enabled on provider 2.x). The add-on runs
#   Gatekeeper admission control, so pod security and other policies are
#   enforced on every change to the cluster rather than reviewed after the
#   fact.
# custom:
#   id: AZ-AKS-003
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [azurerm_kubernetes_cluster]
#   remediation: Set azure_policy_enabled = true and assign the Kubernetes policy initiatives to the cluster.
package soc2scan.rules.azure.aks.azure_policy

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not enabled(c)
	not undetermined(c)
	finding := {"resource": c.id, "message": sprintf("%s does not set azure_policy_enabled = true: admission policies are not enforced", [c.id])}
}

enabled(c) if azure.truthy(tf.value(c, "azure_policy_enabled"))

enabled(c) if {
	some profile in tf.blocks(c, "addon_profile")
	some p in object.get(profile, "azure_policy", [])
	azure.truthy(object.get(p, "enabled", false))
}

undetermined(c) if tf.is_unknown(c, "azure_policy_enabled")

undetermined(c) if tf.contains_unknown(c, "addon_profile")

unknown contains tf.undetermined(c, "azure_policy_enabled") if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not enabled(c)
	undetermined(c)
}
