package soc2scan.rules.azure.aks.azure_policy_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.aks.azure_policy

cluster(name, values) := {"id": sprintf("azurerm_kubernetes_cluster.%s", [name]), "type": "azurerm_kubernetes_cluster", "values": values}

test_fail_no_policy if {
	findings := azure_policy.deny with input as doc([cluster("a", {}), cluster("b", {"azure_policy_enabled": false})])
	findings == {
		{"resource": "azurerm_kubernetes_cluster.a", "message": "azurerm_kubernetes_cluster.a does not set azure_policy_enabled = true: admission policies are not enforced"},
		{"resource": "azurerm_kubernetes_cluster.b", "message": "azurerm_kubernetes_cluster.b does not set azure_policy_enabled = true: admission policies are not enforced"},
	}
}

test_pass_enabled if {
	count(azure_policy.deny) == 0 with input as doc([
		cluster("v3", {"azure_policy_enabled": true}),
		cluster("v2", {"addon_profile": [{"azure_policy": [{"enabled": true}]}]}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(cluster("a", {}), {"unknown": {"azure_policy_enabled": true}})])
	count(azure_policy.deny) == 0 with input as input_doc
	azure_policy.unknown == {{"resource": "azurerm_kubernetes_cluster.a", "message": "azure_policy_enabled is known only after apply"}} with input as input_doc
}
