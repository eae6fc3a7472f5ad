# METADATA
# title: GKE clusters send system logs and metrics to Cloud Operations
# description: >-
#   Every google_container_cluster keeps Cloud Logging and Cloud Monitoring
#   for Kubernetes on: logging_service and monitoring_service are absent
#   (the default) or "logging.googleapis.com/kubernetes" and
#   "monitoring.googleapis.com/kubernetes" ("none" turns them off, and the
#   legacy "logging.googleapis.com" / "monitoring.googleapis.com" services
#   are decommissioned), and a logging_config or monitoring_config block,
#   where present, keeps SYSTEM_COMPONENTS in enable_components. API server
#   audit events go to Cloud Audit Logs independently of these settings.
#   Without these logs, incidents in the cluster cannot be detected or
#   investigated.
# custom:
#   id: GCP-GKE-004
#   severity: medium
#   criteria: [CC6.8, CC7.1, CC7.2]
#   resource_types: [google_container_cluster]
#   remediation: >-
#     Remove logging_service and monitoring_service (or set them to
#     "logging.googleapis.com/kubernetes" and "monitoring.googleapis.com/kubernetes"),
#     and list SYSTEM_COMPONENTS (with APISERVER and WORKLOADS as needed)
#     in logging_config.enable_components and monitoring_config.enable_components.
package soc2scan.rules.gcp.gke.logging_monitoring

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

services := {
	"logging_service": "logging.googleapis.com/kubernetes",
	"monitoring_service": "monitoring.googleapis.com/kubernetes",
}

deny contains finding if {
	some c in tf.resources("google_container_cluster")
	problems := sort(service_problems(c) | component_problems(c))
	count(problems) > 0
	finding := {"resource": c.id, "message": sprintf("%s %s", [c.id, concat("; ", problems)])}
}

unknown contains tf.undetermined(c, attr) if {
	some c in tf.resources("google_container_cluster")
	some attr in ["logging_service", "monitoring_service", "logging_config", "monitoring_config"]
	tf.contains_unknown(c, attr)
}

service_problems(c) := {sprintf("has %s = %q, not %q", [attr, value, want]) |
	some attr, want in services
	value := tf.value(c, attr)
	value != null
	value != want
}

component_problems(c) := {sprintf("%s.enable_components %s does not include SYSTEM_COMPONENTS", [attr, json.marshal(components)]) |
	some attr in ["logging_config", "monitoring_config"]
	not tf.contains_unknown(c, attr)
	some b in gcp.blocks(c, attr)
	components := object.get(b, "enable_components", [])
	is_array(components)
	not "SYSTEM_COMPONENTS" in components
}
