# METADATA
# title: AKS clusters use Kubernetes RBAC
# description: >-
#   No azurerm_kubernetes_cluster turns Kubernetes role-based access control
#   off: role_based_access_control_enabled = false (provider 3.x/4.x, default
#   true) or role_based_access_control { enabled = false } (provider 2.x).
#   Without RBAC every authenticated identity has full control of the
#   cluster, so access cannot follow least privilege.
# custom:
#   id: AZ-AKS-001
#   severity: high
#   criteria: [CC6.3]
#   resource_types: [azurerm_kubernetes_cluster]
#   remediation: >-
#     Remove role_based_access_control_enabled = false (changing it recreates
#     the cluster), and integrate Entra ID with azure_active_directory_role_based_access_control.
package soc2scan.rules.azure.aks.rbac

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	v := tf.value(c, "role_based_access_control_enabled")
	azure.falsy(v)
	finding := {"resource": c.id, "message": sprintf("%s has role_based_access_control_enabled = %v: every authenticated identity has full control", [c.id, v])}
}

deny contains finding if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	v := object.get(azure.block(c, "role_based_access_control"), "enabled", null)
	azure.falsy(v)
	finding := {"resource": c.id, "message": sprintf("%s has role_based_access_control.enabled = %v: every authenticated identity has full control", [c.id, v])}
}

unknown contains tf.undetermined(c, attr) if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	some attr in ["role_based_access_control_enabled", "role_based_access_control"]
	tf.contains_unknown(c, attr)
}
