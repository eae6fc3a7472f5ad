# METADATA
# title: Log-based metrics for security-relevant changes have alert policies
# description: >-
#   Every google_logging_metric whose filter watches one of the changes an
#   auditor expects to be alerted on (project ownership, audit
#   configuration, custom roles, VPC firewall rules, routes, networks,
#   bucket IAM permissions, Cloud SQL configuration) is referred to by a
#   condition of a google_monitoring_alert_policy. A metric without an alert
#   records the change but tells no one. Whether metrics exist for all
#   eight changes is a property of the whole project, which one
#   configuration cannot show; it is not judged here.
# custom:
#   id: GCP-LOG-003
#   severity: medium
#   criteria: [CC2.1, CC3.3, CC5.2, CC7.2, CC7.3, CC7.4, A1.2, PI1.3]
#   resource_types: [google_logging_metric]
#   remediation: >-
#     Add a google_monitoring_alert_policy whose condition filter refers to
#     the metric, e.g. filter = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.this.name}\"",
#     with notification_channels that reach the on-call team.
package soc2scan.rules.gcp.logging.metric_alerts

import data.soc2scan.lib.terraform as tf

# watched maps each change to filter fragments that identify it (all of a
# list must appear).
watched := {
	"project ownership": ["roles/owner"],
	"audit configuration": ["auditconfigdeltas"],
	"custom roles": ["iam_role"],
	"firewall rules": ["gce_firewall_rule"],
	"routes": ["gce_route"],
	"networks": ["gce_network"],
	"bucket IAM permissions": ["gcs_bucket", "setiampermissions"],
	"Cloud SQL configuration": ["cloudsql.instances.update"],
}

# Attributes of an alert policy condition that name a metric.
condition_attrs := [
	"conditions.condition_threshold.filter",
	"conditions.condition_absent.filter",
	"conditions.condition_monitoring_query_language.query",
	"conditions.condition_prometheus_query_language.query",
]

deny contains finding if {
	some m in tf.resources("google_logging_metric")
	changes := watches(m)
	count(changes) > 0
	not alerted(m)
	finding := {"resource": m.id, "message": sprintf("%s watches %s changes but no google_monitoring_alert_policy condition refers to it", [m.id, concat(", ", sort(changes))])}
}

unknown contains tf.undetermined(m, "filter") if {
	some m in tf.resources("google_logging_metric")
	tf.is_unknown(m, "filter")
}

watches(m) := {change |
	f := lower(tf.value(m, "filter"))
	some change, fragments in watched
	every fragment in fragments {
		contains(f, fragment)
	}
}

alerted(m) if {
	some attr in condition_attrs
	tf.has_related(m, "google_monitoring_alert_policy", attr)
}
