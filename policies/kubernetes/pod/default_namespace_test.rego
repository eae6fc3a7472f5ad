package soc2scan.rules.kubernetes.pod.default_namespace_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.default_namespace

test_fail_explicit_default if {
	findings := default_namespace.deny with input as kube([
		workload("Deployment", "default", "api", {"containers": [{"name": "a", "image": "a:1"}]}),
		{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db", "namespace": "default"}},
	])
	findings == {
		{"resource": "Deployment/default/api", "message": "Deployment/default/api is deployed into the default namespace (metadata.namespace = default)", "path": ["metadata", "namespace"]},
		{"resource": "Secret/default/db", "message": "Secret/default/db is deployed into the default namespace (metadata.namespace = default)", "path": ["metadata", "namespace"]},
	}
}

test_pass_own_or_unnamed_namespace if {
	count(default_namespace.deny) == 0 with input as kube([
		workload("Deployment", "prod", "api", {"containers": [{"name": "a", "image": "a:1"}]}),
		{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}},
		{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "kubernetes", "namespace": "default"}, "spec": {"type": "ClusterIP"}},
	])
}
