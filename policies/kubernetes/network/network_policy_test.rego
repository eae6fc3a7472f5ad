package soc2scan.rules.kubernetes.network.network_policy_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.network.network_policy

containers := [{"name": "a", "image": "a:1"}]

policy(ns, name, spec) := {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": name, "namespace": ns}, "spec": spec}

test_fail_no_policy_in_namespace if {
	findings := network_policy.deny with input as kube([
		policy("other", "deny-all", {"podSelector": {}}),
		workload("Deployment", "prod", "api", {"containers": containers}),
	])
	findings == {{
		"resource": "Deployment/prod/api",
		"message": "Deployment/prod/api: no NetworkPolicy in namespace prod selects its pods for ingress",
		"path": ["spec", "template", "spec"],
	}}
}

test_fail_policy_selects_other_pods_or_egress_only if {
	findings := network_policy.deny with input as kube([
		policy("prod", "web", {"podSelector": {"matchLabels": {"app": "web"}}}),
		policy("prod", "egress", {"podSelector": {}, "policyTypes": ["Egress"]}),
		workload("Deployment", "prod", "web", {"containers": containers}),
		workload("CronJob", "prod", "report", {"containers": containers}),
	])
	{f.resource | some f in findings} == {"CronJob/prod/report"}
}

test_pass_default_deny if {
	count(network_policy.deny) == 0 with input as kube([
		policy("prod", "default-deny", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}),
		workload("Deployment", "prod", "api", {"containers": containers}),
		workload("Pod", "prod", "p", {"containers": containers}),
	])
}

test_pass_match_expressions if {
	count(network_policy.deny) == 0 with input as kube([
		policy("prod", "api", {"podSelector": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["api", "web"]}]}}),
		workload("StatefulSet", "prod", "api", {"containers": containers}),
	])
}

test_pass_default_namespace_policy_without_namespace if {
	count(network_policy.deny) == 0 with input as kube([
		{"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "all"}, "spec": {"podSelector": {}}},
		{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": containers}},
	])
}

test_pass_host_network_not_judged if {
	count(network_policy.deny) == 0 with input as kube([workload("DaemonSet", "kube-system", "agent", {"hostNetwork": true, "containers": containers})])
}

test_pass_empty_policy_types_default_to_ingress if {
	count(network_policy.deny) == 0 with input as kube([
		policy("prod", "default-deny", {"podSelector": {}, "policyTypes": []}),
		workload("Deployment", "prod", "api", {"containers": containers}),
	])
}
