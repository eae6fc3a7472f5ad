# METADATA
# title: Compute instances have no external IP address
# description: >-
#   No network_interface of a google_compute_instance or instance template
#   has an access_config or ipv6_access_config block, each of which gives
#   the instance an external address reachable from the internet. Instances
#   without external addresses can only be reached through controlled paths
#   (IAP, a bastion, load balancers), the boundary an auditor expects.
# custom:
#   id: GCP-GCE-001
#   severity: high
#   criteria: [CC5.2, CC6.1, CC6.6]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   remediation: >-
#     Remove the access_config (and ipv6_access_config) blocks from the
#     network_interface; reach the instance through Identity-Aware Proxy TCP
#     forwarding, and give it outbound access through Cloud NAT.
package soc2scan.rules.gcp.gce.public_ip

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

external := ["access_config", "ipv6_access_config"]

deny contains finding if {
	some r in gcp.instances
	some i, nic in tf.blocks(r, "network_interface")
	some attr in external
	count(gcp.block_list(object.get(nic, attr, []))) > 0
	finding := {"resource": r.id, "message": sprintf("%s network_interface[%d] has an %s block (an external IP address)", [r.id, i, attr])}
}

unknown contains tf.undetermined(r, path) if {
	some r in gcp.instances
	some path in undetermined_paths(r)
}

undetermined_paths(r) := {"network_interface"} if {
	tf.is_unknown(r, "network_interface")
} else := {["network_interface", i, attr] |
	some i, nic in tf.blocks(r, "network_interface")
	some attr in external
	count(gcp.block_list(object.get(nic, attr, []))) == 0
	tf.is_unknown(r, ["network_interface", i, attr])
}
