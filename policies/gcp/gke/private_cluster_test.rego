package soc2scan.rules.gcp.gke.private_cluster_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gke.private_cluster

cluster(name, values) := {"id": sprintf("google_container_cluster.%s", [name]), "type": "google_container_cluster", "values": values}

test_fail_public_nodes_or_endpoint if {
	findings := private_cluster.deny with input as doc([
		cluster("none", {}),
		cluster("endpoint_only", {"private_cluster_config": [{"enable_private_endpoint": true}]}),
		cluster("open_endpoint", {"private_cluster_config": [{"enable_private_nodes": true, "enable_private_endpoint": false}]}),
		cluster("world", {
			"private_cluster_config": [{"enable_private_nodes": true}],
			"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "0.0.0.0/0"}]}],
		}),
	])
	findings == {
		{
			"resource": "google_container_cluster.none",
			"message": "google_container_cluster.none has no private_cluster_config, so nodes have public IP addresses and exposes the control-plane endpoint to any address (no private endpoint and no master_authorized_networks_config limiting it)",
		},
		{
			"resource": "google_container_cluster.endpoint_only",
			"message": "google_container_cluster.endpoint_only does not set private_cluster_config.enable_private_nodes = true, so nodes have public IP addresses",
		},
		{
			"resource": "google_container_cluster.open_endpoint",
			"message": "google_container_cluster.open_endpoint exposes the control-plane endpoint to any address (no private endpoint and no master_authorized_networks_config limiting it)",
		},
		{
			"resource": "google_container_cluster.world",
			"message": "google_container_cluster.world exposes the control-plane endpoint to any address (no private endpoint and no master_authorized_networks_config limiting it)",
		},
	}
}

test_pass_private if {
	count(private_cluster.deny) == 0 with input as doc([
		cluster("private", {"private_cluster_config": [{"enable_private_nodes": true, "enable_private_endpoint": true}]}),
		cluster("authorized", {
			"private_cluster_config": [{"enable_private_nodes": true}],
			"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8", "display_name": "corp"}]}],
		}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(cluster("c", {"private_cluster_config": [{"enable_private_nodes": null, "enable_private_endpoint": true}]}), {"unknown": {"private_cluster_config": [{"enable_private_nodes": true}]}})])
	count(private_cluster.deny) == 0 with input as input_doc
	private_cluster.unknown == {{"resource": "google_container_cluster.c", "message": "private_cluster_config.0.enable_private_nodes is known only after apply"}} with input as input_doc
}
