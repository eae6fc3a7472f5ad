# METADATA
# title: OS Login is enabled for the project and not turned off on instances
# description: >-
#   google_compute_project_metadata sets enable-oslogin to TRUE, a
#   google_compute_project_metadata_item for enable-oslogin has the value
#   TRUE, and no instance or instance template sets enable-oslogin to FALSE
#   in its own metadata. OS Login ties SSH access to IAM identities, so that
#   granting and revoking it is reviewable and logged, instead of keys
#   pasted into metadata.
# custom:
#   id: GCP-GCE-003
#   severity: medium
#   criteria: [CC6.1, CC7.2, CC7.3]
#   resource_types: [google_compute_project_metadata, google_compute_project_metadata_item, google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   remediation: >-
#     Set metadata "enable-oslogin" = "TRUE" in google_compute_project_metadata
#     (or a google_compute_project_metadata_item with key = "enable-oslogin"
#     and value = "TRUE"), and remove enable-oslogin = "FALSE" from instance
#     metadata.
package soc2scan.rules.gcp.gce.os_login

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

key := "enable-oslogin"

deny contains finding if {
	some r in tf.resources("google_compute_project_metadata")
	value := gcp.metadata_value(r, key)
	not gcp.metadata_true(value)
	not gcp.metadata_unknown(r, key)
	finding := {"resource": r.id, "message": project_message(r, value)}
}

deny contains finding if {
	some r in tf.resources("google_compute_project_metadata_item")
	tf.value(r, "key") == key
	value := tf.value(r, "value")
	not gcp.metadata_true(value)
	tf.is_known(r, "value")
	finding := {"resource": r.id, "message": sprintf("%s sets project metadata %s = %v, not TRUE", [r.id, key, json.marshal(value)])}
}

deny contains finding if {
	some r in gcp.instances
	value := gcp.metadata_value(r, key)
	gcp.metadata_false(value)
	finding := {"resource": r.id, "message": sprintf("%s turns OS Login off with metadata %s = %v", [r.id, key, json.marshal(value)])}
}

unknown contains tf.undetermined(r, ["metadata", key]) if {
	some r in tf.resources("google_compute_project_metadata")
	gcp.metadata_unknown(r, key)
}

unknown contains tf.undetermined(r, "value") if {
	some r in tf.resources("google_compute_project_metadata_item")
	tf.value(r, "key") == key
	tf.is_unknown(r, "value")
}

unknown contains tf.undetermined(r, ["metadata", key]) if {
	some r in gcp.instances
	gcp.metadata_unknown(r, key)
}

project_message(r, null) := sprintf("%s does not set %s; OS Login is off for the project", [r.id, key])

project_message(r, value) := sprintf("%s sets %s = %v, not TRUE", [r.id, key, json.marshal(value)]) if value != null
