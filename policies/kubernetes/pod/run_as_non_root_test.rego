package soc2scan.rules.kubernetes.pod.run_as_non_root_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.run_as_non_root

test_fail_nothing_set if {
	findings := run_as_non_root.deny with input as kube([workload("Deployment", "prod", "api", {"containers": [{"name": "app", "image": "a:1"}]})])
	findings == {{
		"resource": "Deployment/prod/api",
		"message": "Deployment/prod/api container app sets neither securityContext.runAsNonRoot = true nor a non-zero runAsUser",
		"path": ["spec", "template", "spec", "containers", 0],
	}}
}

test_fail_container_overrides_pod_with_root if {
	findings := run_as_non_root.deny with input as kube([workload("Deployment", "prod", "api", {
		"securityContext": {"runAsNonRoot": true, "runAsUser": 1000},
		"containers": [
			{"name": "app", "image": "a:1"},
			{"name": "sidecar", "image": "s:1", "securityContext": {"runAsUser": 0}},
		],
	})])
	findings == {{
		"resource": "Deployment/prod/api",
		"message": "Deployment/prod/api container sidecar runs as root: securityContext.runAsUser = 0",
		"path": ["spec", "template", "spec", "containers", 1, "securityContext", "runAsUser"],
	}}
}

test_fail_root_from_pod_level if {
	findings := run_as_non_root.deny with input as kube([workload("Pod", "prod", "p", {
		"securityContext": {"runAsUser": 0},
		"initContainers": [{"name": "init", "image": "i:1"}],
		"containers": [{"name": "app", "image": "a:1", "securityContext": {"runAsUser": 10001}}],
	})])
	findings == {{
		"resource": "Pod/prod/p",
		"message": "Pod/prod/p init container init runs as root: securityContext.runAsUser = 0 (set on the pod)",
		"path": ["spec", "securityContext", "runAsUser"],
	}}
}

test_fail_container_sets_run_as_non_root_false if {
	findings := run_as_non_root.deny with input as kube([workload("Pod", "prod", "p", {
		"securityContext": {"runAsNonRoot": true},
		"containers": [{"name": "app", "image": "a:1", "securityContext": {"runAsNonRoot": false}}],
	})])
	{f.message | some f in findings} == {"Pod/prod/p container app sets securityContext.runAsNonRoot = false and does not set a non-zero runAsUser"}
}

test_fail_windows_container_administrator if {
	findings := run_as_non_root.deny with input as kube([workload("Pod", "prod", "w", {
		"os": {"name": "windows"},
		"securityContext": {"windowsOptions": {"runAsUserName": "ContainerAdministrator"}},
		"containers": [{"name": "iis", "image": "iis:1"}],
	})])
	{f.message | some f in findings} == {"Pod/prod/w container iis runs as ContainerAdministrator: securityContext.windowsOptions.runAsUserName = \"ContainerAdministrator\" (set on the pod)"}
}

test_pass_pod_level_applies_to_containers if {
	count(run_as_non_root.deny) == 0 with input as kube([workload("CronJob", "ops", "c", {
		"securityContext": {"runAsNonRoot": true},
		"initContainers": [{"name": "i", "image": "i:1"}],
		"containers": [{"name": "c", "image": "c:1", "securityContext": {"runAsUser": 1000}}],
	})])
}

test_pass_non_zero_run_as_user_without_run_as_non_root if {
	count(run_as_non_root.deny) == 0 with input as kube([workload("Deployment", "prod", "api", {
		"securityContext": {"runAsUser": 65534},
		"containers": [{"name": "app", "image": "a:1"}],
	})])
}

test_pass_windows_container_user if {
	count(run_as_non_root.deny) == 0 with input as kube([workload("Pod", "prod", "w", {
		"os": {"name": "windows"},
		"securityContext": {"windowsOptions": {"runAsUserName": "ContainerUser"}},
		"containers": [{"name": "iis", "image": "iis:1"}],
	})])
}
