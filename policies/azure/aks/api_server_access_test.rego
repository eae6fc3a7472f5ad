package soc2scan.rules.azure.aks.api_server_access_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.aks.api_server_access

cluster(name, values) := {"id": sprintf("azurerm_kubernetes_cluster.%s", [name]), "type": "azurerm_kubernetes_cluster", "values": values}

test_fail_public_api if {
	findings := api_server_access.deny with input as doc([
		cluster("open", {}),
		cluster("world", {"api_server_access_profile": [{"authorized_ip_ranges": ["0.0.0.0/0"]}]}),
	])
	findings == {
		{"resource": "azurerm_kubernetes_cluster.open", "message": "azurerm_kubernetes_cluster.open is not private and sets no authorized_ip_ranges: its API server is reachable from the internet"},
		{"resource": "azurerm_kubernetes_cluster.world", "message": "azurerm_kubernetes_cluster.world authorizes \"0.0.0.0/0\" to reach its API server, the whole internet"},
	}
}

test_pass_private_or_restricted if {
	count(api_server_access.deny) == 0 with input as doc([
		cluster("private", {"private_cluster_enabled": true}),
		cluster("v4", {"api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]}),
		cluster("v3", {"api_server_authorized_ip_ranges": ["203.0.113.0/24"]}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(cluster("a", {}), {"unknown": {"private_cluster_enabled": true}})])
	count(api_server_access.deny) == 0 with input as input_doc
	api_server_access.unknown == {{"resource": "azurerm_kubernetes_cluster.a", "message": "private_cluster_enabled is known only after apply"}} with input as input_doc
}
