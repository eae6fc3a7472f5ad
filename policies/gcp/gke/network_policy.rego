# METADATA
# title: GKE clusters enforce Kubernetes NetworkPolicy
# description: >-
#   Every google_container_cluster either uses GKE Dataplane V2
#   (datapath_provider = "ADVANCED_DATAPATH"), which enforces NetworkPolicy
#   natively, or enables both network_policy { enabled = true } and the
#   network policy add-on (addons_config.network_policy_config.disabled =
#   false; the add-on is off by default and node enforcement needs it).
#   Without enforcement, NetworkPolicy objects are silently ignored and any
#   pod can reach any other: no segmentation inside the cluster.
# custom:
#   id: GCP-GKE-002
#   severity: medium
#   criteria: [CC6.1, CC6.6, CC7.2]
#   resource_types: [google_container_cluster]
#   remediation: >-
#     Set datapath_provider = "ADVANCED_DATAPATH" on new clusters, or set
#     network_policy { enabled = true, provider = "CALICO" } and
#     addons_config { network_policy_config { disabled = false } }.
package soc2scan.rules.gcp.gke.network_policy

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some c in tf.resources("google_container_cluster")
	not enforced(c)
	count(unknown_paths(c)) == 0
	problems := [p | some p in [policy_problem(c), addon_problem(c)]; p != ""]
	finding := {"resource": c.id, "message": sprintf("%s does not use ADVANCED_DATAPATH and %s, so NetworkPolicy is not enforced", [c.id, concat(" and ", problems)])}
}

unknown contains tf.undetermined(c, path) if {
	some c in tf.resources("google_container_cluster")
	not enforced(c)
	some path in unknown_paths(c)
}

enforced(c) if tf.value(c, "datapath_provider") == "ADVANCED_DATAPATH"

enforced(c) if {
	policy_problem(c) == ""
	addon_problem(c) == ""
}

policy_problem(c) := "" if {
	some p in gcp.blocks(c, "network_policy")
	p.enabled == true
} else := "does not set network_policy.enabled = true"

addon_problem(c) := "" if {
	some a in gcp.blocks(c, "addons_config")
	some n in gcp.block_list(object.get(a, "network_policy_config", []))
	n.disabled == false
} else := "does not enable the network policy add-on (addons_config.network_policy_config.disabled = false)"

unknown_paths(c) := {p |
	some p in ["datapath_provider", "network_policy", "addons_config"]
	tf.contains_unknown(c, p)
}
