# METADATA
# title: GKE clusters have private nodes and a restricted control plane
# description: >-
#   Every google_container_cluster has private_cluster_config with
#   enable_private_nodes = true, and its control-plane endpoint is either
#   private (enable_private_endpoint = true) or limited by a
#   master_authorized_networks_config that does not authorize 0.0.0.0/0.
#   Nodes with public addresses and an API server open to the internet are
#   directly attackable; an auditor expects both behind a network boundary.
# custom:
#   id: GCP-GKE-001
#   severity: high
#   criteria: [CC3.3, CC6.1]
#   resource_types: [google_container_cluster]
#   remediation: >-
#     Add private_cluster_config { enable_private_nodes = true,
#     enable_private_endpoint = true } (or keep the public endpoint and add
#     master_authorized_networks_config with the administrators' CIDR
#     blocks), and reach nodes through Cloud NAT and IAP.
package soc2scan.rules.gcp.gke.private_cluster

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some c in tf.resources("google_container_cluster")
	count(unknown_paths(c)) == 0
	problems := [p | some p in [nodes_problem(c), endpoint_problem(c)]; p != ""]
	count(problems) > 0
	finding := {"resource": c.id, "message": sprintf("%s %s", [c.id, concat(" and ", problems)])}
}

unknown contains tf.undetermined(c, path) if {
	some c in tf.resources("google_container_cluster")
	some path in unknown_paths(c)
}

config(c) := b if {
	some b in gcp.blocks(c, "private_cluster_config")
} else := {}

nodes_problem(c) := "has no private_cluster_config, so nodes have public IP addresses" if {
	count(gcp.blocks(c, "private_cluster_config")) == 0
} else := "does not set private_cluster_config.enable_private_nodes = true, so nodes have public IP addresses" if {
	not config(c).enable_private_nodes == true
} else := ""

endpoint_problem(c) := "" if {
	config(c).enable_private_endpoint == true
} else := "" if {
	some m in gcp.blocks(c, "master_authorized_networks_config")
	not world_authorized(m)
} else := "exposes the control-plane endpoint to any address (no private endpoint and no master_authorized_networks_config limiting it)"

world_authorized(m) if {
	some b in gcp.block_list(object.get(m, "cidr_blocks", []))
	b.cidr_block in gcp.world_cidrs
}

unknown_paths(c) := {p |
	some p in [
		"private_cluster_config",
		["private_cluster_config", 0, "enable_private_nodes"],
		["private_cluster_config", 0, "enable_private_endpoint"],
	]
	tf.is_unknown(c, p)
} | {"master_authorized_networks_config" | tf.contains_unknown(c, "master_authorized_networks_config")}
