package soc2scan.rules.azure.aks.rbac_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.aks.rbac

cluster(name, values) := {"id": sprintf("azurerm_kubernetes_cluster.%s", [name]), "type": "azurerm_kubernetes_cluster", "values": values}

test_fail_rbac_off if {
	findings := rbac.deny with input as doc([
		cluster("v3", {"role_based_access_control_enabled": false}),
		cluster("v2", {"role_based_access_control": [{"enabled": false}]}),
	])
	findings == {
		{"resource": "azurerm_kubernetes_cluster.v3", "message": "azurerm_kubernetes_cluster.v3 has role_based_access_control_enabled = false: every authenticated identity has full control"},
		{"resource": "azurerm_kubernetes_cluster.v2", "message": "azurerm_kubernetes_cluster.v2 has role_based_access_control.enabled = false: every authenticated identity has full control"},
	}
}

test_pass_default_and_on if {
	count(rbac.deny) == 0 with input as doc([cluster("a", {}), cluster("b", {"role_based_access_control_enabled": true})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(cluster("a", {}), {"unknown": {"role_based_access_control_enabled": true}})])
	count(rbac.deny) == 0 with input as input_doc
	rbac.unknown == {{"resource": "azurerm_kubernetes_cluster.a", "message": "role_based_access_control_enabled is known only after apply"}} with input as input_doc
}
