# METADATA
# title: Compute instances do not forward IP packets
# description: >-
#   No google_compute_instance or instance template sets can_ip_forward =
#   true (the default is false). An instance that forwards packets can route
#   traffic around firewall rules and segmentation; only designated network
#   appliances should, and those are waived by name.
# custom:
#   id: GCP-GCE-004
#   severity: medium
#   criteria: [CC6.6]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   remediation: >-
#     Remove can_ip_forward = true (or set it to false); for a NAT or
#     firewall appliance, waive this finding for that instance with the
#     reason.
package soc2scan.rules.gcp.gce.ip_forwarding

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some r in gcp.instances
	tf.value(r, "can_ip_forward") in {true, "true"}
	finding := {"resource": r.id, "message": sprintf("%s has can_ip_forward = true", [r.id])}
}

unknown contains tf.undetermined(r, "can_ip_forward") if {
	some r in gcp.instances
	tf.is_unknown(r, "can_ip_forward")
}
