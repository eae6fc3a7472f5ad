package soc2scan.rules.gcp.gke.network_policy_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gke.network_policy

cluster(name, values) := {"id": sprintf("google_container_cluster.%s", [name]), "type": "google_container_cluster", "values": values}

addon(disabled) := [{"network_policy_config": [{"disabled": disabled}]}]

test_fail_not_enforced if {
	findings := network_policy.deny with input as doc([
		cluster("no_addon", {"network_policy": [{"enabled": true}]}),
		cluster("policy_off", {"network_policy": [{"enabled": false}], "addons_config": addon(false)}),
		cluster("addon_off", {"network_policy": [{"enabled": true}], "addons_config": addon(true)}),
	])
	findings == {
		{
			"resource": "google_container_cluster.no_addon",
			"message": "google_container_cluster.no_addon does not use ADVANCED_DATAPATH and does not enable the network policy add-on (addons_config.network_policy_config.disabled = false), so NetworkPolicy is not enforced",
		},
		{
			"resource": "google_container_cluster.policy_off",
			"message": "google_container_cluster.policy_off does not use ADVANCED_DATAPATH and does not set network_policy.enabled = true, so NetworkPolicy is not enforced",
		},
		{
			"resource": "google_container_cluster.addon_off",
			"message": "google_container_cluster.addon_off does not use ADVANCED_DATAPATH and does not enable the network policy add-on (addons_config.network_policy_config.disabled = false), so NetworkPolicy is not enforced",
		},
	}
}

test_pass_enforced if {
	count(network_policy.deny) == 0 with input as doc([
		cluster("calico", {"network_policy": [{"enabled": true, "provider": "CALICO"}], "addons_config": addon(false)}),
		cluster("dpv2", {"datapath_provider": "ADVANCED_DATAPATH"}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(cluster("c", {}), {"unknown": {"datapath_provider": true}})])
	count(network_policy.deny) == 0 with input as input_doc
	network_policy.unknown == {{"resource": "google_container_cluster.c", "message": "datapath_provider is known only after apply"}} with input as input_doc
}
