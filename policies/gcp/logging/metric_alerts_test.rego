package soc2scan.rules.gcp.logging.metric_alerts_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.logging.metric_alerts

metric(name, filter) := {"id": sprintf("google_logging_metric.%s", [name]), "type": "google_logging_metric", "values": {"name": name, "filter": filter}}

firewall_filter := "resource.type=\"gce_firewall_rule\" AND protoPayload.methodName:\"compute.firewalls.insert\""

alert(metric_id) := {
	"id": "google_monitoring_alert_policy.firewall",
	"type": "google_monitoring_alert_policy",
	"values": {"conditions": [{"condition_threshold": [{"filter": "metric.type=\"logging.googleapis.com/user/firewall\""}]}]},
	"refs": {"conditions.condition_threshold.filter": [metric_id]},
}

test_fail_metric_without_alert if {
	findings := metric_alerts.deny with input as doc([metric("firewall", firewall_filter)])
	findings == {{"resource": "google_logging_metric.firewall", "message": "google_logging_metric.firewall watches firewall rules changes but no google_monitoring_alert_policy condition refers to it"}}
}

test_pass_alerted_or_unrelated if {
	count(metric_alerts.deny) == 0 with input as doc([
		metric("firewall", firewall_filter),
		alert("google_logging_metric.firewall"),
		metric("latency", "resource.type=\"http_load_balancer\""),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(metric("m", null), {"unknown": {"filter": true}})])
	count(metric_alerts.deny) == 0 with input as input_doc
	metric_alerts.unknown == {{"resource": "google_logging_metric.m", "message": "filter is known only after apply"}} with input as input_doc
}
