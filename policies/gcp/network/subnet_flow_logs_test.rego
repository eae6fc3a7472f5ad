package soc2scan.rules.gcp.network.subnet_flow_logs_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.network.subnet_flow_logs

subnet(name, values) := {"id": sprintf("google_compute_subnetwork.%s", [name]), "type": "google_compute_subnetwork", "values": values}

test_fail_no_log_config if {
	findings := subnet_flow_logs.deny with input as doc([subnet("a", {"ip_cidr_range": "10.2.0.0/16"})])
	findings == {{"resource": "google_compute_subnetwork.a", "message": "google_compute_subnetwork.a has no log_config block; VPC flow logs are off"}}
}

test_pass_logging_or_proxy_only if {
	count(subnet_flow_logs.deny) == 0 with input as doc([
		subnet("a", {"log_config": [{"aggregation_interval": "INTERVAL_10_MIN", "flow_sampling": 0.5}]}),
		subnet("proxy", {"purpose": "REGIONAL_MANAGED_PROXY"}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(subnet("a", {}), {"unknown": {"log_config": true}})])
	count(subnet_flow_logs.deny) == 0 with input as input_doc
	subnet_flow_logs.unknown == {{"resource": "google_compute_subnetwork.a", "message": "log_config is known only after apply"}} with input as input_doc
}
