# METADATA
# title: Compute instances block project-wide SSH keys
# description: >-
#   Every google_compute_instance and instance template sets the metadata
#   key block-project-ssh-keys to true, so SSH keys added to project
#   metadata do not open every instance of the project. A project-wide key
#   grants access that no one reviews per instance; an auditor expects
#   instance access to be granted to named identities (OS Login) or per
#   instance.
# custom:
#   id: GCP-GCE-002
#   severity: medium
#   criteria: [CC6.1, CC6.6, CC6.7]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   remediation: >-
#     Add "block-project-ssh-keys" = "true" to the instance's metadata, and
#     grant SSH access through OS Login (roles/compute.osLogin).
package soc2scan.rules.gcp.gce.block_project_ssh_keys

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

key := "block-project-ssh-keys"

deny contains finding if {
	some r in gcp.instances
	value := gcp.metadata_value(r, key)
	not gcp.metadata_true(value)
	not gcp.metadata_unknown(r, key)
	finding := {"resource": r.id, "message": message(r, value)}
}

unknown contains tf.undetermined(r, ["metadata", key]) if {
	some r in gcp.instances
	gcp.metadata_unknown(r, key)
}

message(r, null) := sprintf("%s does not set metadata %s; project-wide SSH keys open the instance", [r.id, key])

message(r, value) := sprintf("%s has metadata %s = %v; project-wide SSH keys open the instance", [r.id, key, json.marshal(value)]) if value != null
