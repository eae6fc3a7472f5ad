# METADATA
# title: VPC subnetworks record flow logs
# description: >-
#   Every google_compute_subnetwork has a log_config block, which turns on
#   VPC flow logs (absent, they are off). Proxy-only and other
#   special-purpose subnetworks (purpose other than PRIVATE) cannot log
#   flows and are not judged. Flow logs are the network record an auditor
#   expects for detecting and investigating unusual traffic.
# custom:
#   id: GCP-NET-002
#   severity: medium
#   criteria: [CC7.2]
#   resource_types: [google_compute_subnetwork]
#   remediation: >-
#     Add log_config { aggregation_interval = "INTERVAL_5_SEC",
#     flow_sampling = 0.5, metadata = "INCLUDE_ALL_METADATA" } to the
#     subnetwork.
package soc2scan.rules.gcp.network.subnet_flow_logs

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

subnets := [s |
	some s in tf.resources("google_compute_subnetwork")
	tf.value(s, "purpose") in {null, "PRIVATE", "PRIVATE_RFC_1918"}
	tf.is_known(s, "purpose")
]

deny contains finding if {
	some s in subnets
	count(gcp.blocks(s, "log_config")) == 0
	tf.is_known(s, "log_config")
	finding := {"resource": s.id, "message": sprintf("%s has no log_config block; VPC flow logs are off", [s.id])}
}

unknown contains tf.undetermined(s, attr) if {
	some s in tf.resources("google_compute_subnetwork")
	some attr in ["purpose", "log_config"]
	tf.is_unknown(s, attr)
}
