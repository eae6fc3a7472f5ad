# METADATA
# title: Projects do not keep the default network
# description: >-
#   No google_compute_network is named "default", and every google_project
#   sets auto_create_network = false (absent, GCP creates the "default"
#   network with the project). The default network comes with firewall
#   rules that allow SSH, RDP and ICMP from anywhere and internal traffic
#   between all instances; an auditor expects networks and their rules to
#   be designed, not inherited. Legacy (non-subnet) networks cannot be
#   created with the current provider and need no check in code.
# custom:
#   id: GCP-NET-003
#   severity: medium
#   criteria: [CC5.2, CC6.6]
#   resource_types: [google_compute_network, google_project]
#   remediation: >-
#     Set auto_create_network = false on the google_project, and create a
#     custom-mode google_compute_network (auto_create_subnetworks = false)
#     with its own name and explicit firewall rules.
#   rationale: >-
#     google_project is judged as well as google_compute_network: its
#     auto_create_network is what creates the default network in code.
package soc2scan.rules.gcp.network.default_network

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some n in tf.resources("google_compute_network")
	tf.value(n, "name") == "default"
	finding := {"resource": n.id, "message": sprintf("%s is named \"default\"; the project keeps its default network", [n.id])}
}

deny contains finding if {
	some p in tf.resources("google_project")
	not tf.value(p, "auto_create_network") in {false, "false"}
	tf.is_known(p, "auto_create_network")
	finding := {"resource": p.id, "message": message(p, tf.value(p, "auto_create_network"))}
}

unknown contains tf.undetermined(n, "name") if {
	some n in tf.resources("google_compute_network")
	tf.is_unknown(n, "name")
}

unknown contains tf.undetermined(p, "auto_create_network") if {
	some p in tf.resources("google_project")
	tf.is_unknown(p, "auto_create_network")
}

message(p, null) := sprintf("%s does not set auto_create_network = false; GCP creates the default network", [p.id])

message(p, v) := sprintf("%s has auto_create_network = %v; GCP creates the default network", [p.id, v]) if v != null
