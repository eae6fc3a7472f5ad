# METADATA
# title: GKE clusters do not use legacy ABAC authorisation
# description: >-
#   No google_container_cluster sets enable_legacy_abac = true (the default
#   is false). Legacy ABAC grants broad static permissions that bypass RBAC,
#   so role bindings no longer describe who can do what in the cluster.
# custom:
#   id: GCP-GKE-003
#   severity: high
#   criteria: [CC6.3]
#   resource_types: [google_container_cluster]
#   remediation: >-
#     Remove enable_legacy_abac or set it to false, and grant access with
#     Kubernetes RBAC roles and bindings.
package soc2scan.rules.gcp.gke.legacy_abac

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some c in tf.resources("google_container_cluster")
	tf.value(c, "enable_legacy_abac") in {true, "true"}
	finding := {"resource": c.id, "message": sprintf("%s has enable_legacy_abac = true", [c.id])}
}

unknown contains tf.undetermined(c, "enable_legacy_abac") if {
	some c in tf.resources("google_container_cluster")
	tf.is_unknown(c, "enable_legacy_abac")
}
