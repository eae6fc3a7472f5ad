package soc2scan.rules.gcp.gke.legacy_abac_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gke.legacy_abac

cluster(name, values) := {"id": sprintf("google_container_cluster.%s", [name]), "type": "google_container_cluster", "values": values}

test_fail_abac if {
	findings := legacy_abac.deny with input as doc([cluster("a", {"enable_legacy_abac": true}), cluster("b", {})])
	findings == {{"resource": "google_container_cluster.a", "message": "google_container_cluster.a has enable_legacy_abac = true"}}
}

test_pass_rbac_only if {
	count(legacy_abac.deny) == 0 with input as doc([cluster("a", {"enable_legacy_abac": false}), cluster("b", {})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(cluster("a", {}), {"unknown": {"enable_legacy_abac": true}})])
	count(legacy_abac.deny) == 0 with input as input_doc
	legacy_abac.unknown == {{"resource": "google_container_cluster.a", "message": "enable_legacy_abac is known only after apply"}} with input as input_doc
}
