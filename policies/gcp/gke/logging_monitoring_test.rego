package soc2scan.rules.gcp.gke.logging_monitoring_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gke.logging_monitoring

cluster(name, values) := {"id": sprintf("google_container_cluster.%s", [name]), "type": "google_container_cluster", "values": values}

test_fail_off_or_legacy if {
	findings := logging_monitoring.deny with input as doc([
		cluster("none", {"logging_service": "none"}),
		cluster("legacy", {"logging_service": "logging.googleapis.com", "monitoring_service": "monitoring.googleapis.com"}),
		cluster("workloads", {"logging_config": [{"enable_components": ["WORKLOADS"]}]}),
	])
	findings == {
		{"resource": "google_container_cluster.none", "message": "google_container_cluster.none has logging_service = \"none\", not \"logging.googleapis.com/kubernetes\""},
		{
			"resource": "google_container_cluster.legacy",
			"message": "google_container_cluster.legacy has logging_service = \"logging.googleapis.com\", not \"logging.googleapis.com/kubernetes\"; has monitoring_service = \"monitoring.googleapis.com\", not \"monitoring.googleapis.com/kubernetes\"",
		},
		{"resource": "google_container_cluster.workloads", "message": "google_container_cluster.workloads logging_config.enable_components [\"WORKLOADS\"] does not include SYSTEM_COMPONENTS"},
	}
}

test_pass_default_or_kubernetes if {
	count(logging_monitoring.deny) == 0 with input as doc([
		cluster("default", {}),
		cluster("explicit", {
			"logging_service": "logging.googleapis.com/kubernetes",
			"monitoring_service": "monitoring.googleapis.com/kubernetes",
			"logging_config": [{"enable_components": ["SYSTEM_COMPONENTS", "APISERVER", "WORKLOADS"]}],
			"monitoring_config": [{"enable_components": ["SYSTEM_COMPONENTS"]}],
		}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(cluster("a", {}), {"unknown": {"logging_service": true}})])
	count(logging_monitoring.deny) == 0 with input as input_doc
	logging_monitoring.unknown == {{"resource": "google_container_cluster.a", "message": "logging_service is known only after apply"}} with input as input_doc
}
