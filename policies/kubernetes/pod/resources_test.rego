package soc2scan.rules.kubernetes.pod.resources_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.resources

full := {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "500m", "memory": "256Mi"}}

test_fail_missing if {
	findings := resources.deny with input as kube([workload("Deployment", "prod", "api", {
		"initContainers": [{"name": "migrate", "image": "m:1", "resources": {"limits": {"memory": "64Mi"}}}],
		"containers": [
			{"name": "app", "image": "a:1", "resources": full},
			{"name": "side", "image": "s:1"},
		],
		"ephemeralContainers": [{"name": "debug", "image": "busybox:1"}],
	})])
	findings == {
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api init container migrate does not set resources.requests.cpu, resources.limits.cpu",
			"path": ["spec", "template", "spec", "initContainers", 0, "resources"],
		},
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api container side does not set resources.requests.cpu, resources.requests.memory, resources.limits.cpu, resources.limits.memory",
			"path": ["spec", "template", "spec", "containers", 1],
		},
	}
}

test_fail_limit_range_of_other_namespace if {
	findings := resources.deny with input as kube([
		{"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "defaults", "namespace": "other"}, "spec": {"limits": [{"type": "Container", "default": {"cpu": "1", "memory": "1Gi"}}]}},
		workload("CronJob", "prod", "c", {"containers": [{"name": "c", "image": "c:1", "resources": {"requests": {"cpu": "", "memory": "1Gi"}, "limits": {"memory": "1Gi"}}}]}),
	])
	{f.message | some f in findings} == {"CronJob/prod/c container c does not set resources.requests.cpu, resources.limits.cpu"}
}

test_pass_all_set if {
	count(resources.deny) == 0 with input as kube([workload("Pod", "prod", "p", {
		"initContainers": [{"name": "i", "image": "i:1", "resources": full}],
		"containers": [{"name": "a", "image": "a:1", "resources": full}],
	})])
}

test_pass_requests_default_to_limits if {
	count(resources.deny) == 0 with input as kube([workload("Pod", "prod", "p", {"containers": [{"name": "a", "image": "a:1", "resources": {"limits": {"cpu": "1", "memory": "1Gi"}}}]})])
}

test_pass_limit_range_defaults if {
	count(resources.deny) == 0 with input as kube([
		{"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "defaults", "namespace": "prod"}, "spec": {"limits": [
			{"type": "Pod", "max": {"cpu": "4"}},
			{"type": "Container", "default": {"cpu": "1", "memory": "1Gi"}, "defaultRequest": {"cpu": "100m"}},
		]}},
		workload("Deployment", "prod", "api", {"containers": [{"name": "a", "image": "a:1"}]}),
	])
}
