package soc2scan.rules.azure.aks.network_policy_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.aks.network_policy

cluster(name, values) := {"id": sprintf("azurerm_kubernetes_cluster.%s", [name]), "type": "azurerm_kubernetes_cluster", "values": values}

test_fail_no_policy_engine if {
	findings := network_policy.deny with input as doc([
		cluster("none", {}),
		cluster("other", {"network_profile": [{"network_plugin": "kubenet", "network_policy": "none"}]}),
	])
	findings == {
		{"resource": "azurerm_kubernetes_cluster.none", "message": "azurerm_kubernetes_cluster.none sets no network_profile.network_policy: NetworkPolicy objects are not enforced"},
		{"resource": "azurerm_kubernetes_cluster.other", "message": "azurerm_kubernetes_cluster.other has network_profile.network_policy = \"none\": NetworkPolicy objects are not enforced"},
	}
}

test_pass_engines if {
	count(network_policy.deny) == 0 with input as doc([
		cluster("a", {"network_profile": [{"network_policy": "azure"}]}),
		cluster("c", {"network_profile": [{"network_policy": "calico"}]}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(cluster("a", {}), {"unknown": {"network_profile": [{"network_policy": true}]}})])
	count(network_policy.deny) == 0 with input as input_doc
	network_policy.unknown == {{"resource": "azurerm_kubernetes_cluster.a", "message": "network_profile is known only after apply"}} with input as input_doc
}
