package soc2scan.rules.kubernetes.pod.privileged_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.privileged

test_fail_privileged_container if {
	findings := privileged.deny with input as kube([workload("Deployment", "prod", "api", {"containers": [
		{"name": "app", "image": "app:1"},
		{"name": "agent", "image": "agent:1", "securityContext": {"privileged": true}},
	]})])
	findings == {{
		"resource": "Deployment/prod/api",
		"message": "Deployment/prod/api container agent sets securityContext.privileged = true",
		"path": ["spec", "template", "spec", "containers", 1, "securityContext", "privileged"],
	}}
}

test_fail_privileged_init_container_of_cronjob if {
	findings := privileged.deny with input as kube([workload("CronJob", "ops", "backup", {
		"initContainers": [{"name": "setup", "image": "setup:1", "securityContext": {"privileged": true}}],
		"containers": [{"name": "backup", "image": "backup:1"}],
	})])
	findings == {{
		"resource": "CronJob/ops/backup",
		"message": "CronJob/ops/backup init container setup sets securityContext.privileged = true",
		"path": ["spec", "jobTemplate", "spec", "template", "spec", "initContainers", 0, "securityContext", "privileged"],
	}}
}

test_fail_windows_host_process_from_pod if {
	findings := privileged.deny with input as kube([workload("DaemonSet", "kube-system", "win", {
		"os": {"name": "windows"},
		"securityContext": {"windowsOptions": {"hostProcess": true}},
		"containers": [{"name": "agent", "image": "agent:1"}],
	})])
	findings == {{
		"resource": "DaemonSet/kube-system/win",
		"message": "DaemonSet/kube-system/win container agent runs as a Windows HostProcess container: securityContext.windowsOptions.hostProcess = true (set on the pod)",
		"path": ["spec", "template", "spec", "securityContext", "windowsOptions", "hostProcess"],
	}}
}

test_pass_unprivileged if {
	count(privileged.deny) == 0 with input as kube([
		workload("Pod", "prod", "p", {"containers": [
			{"name": "a", "image": "a:1", "securityContext": {"privileged": false}},
			{"name": "b", "image": "b:1", "securityContext": {"privileged": null}},
			{"name": "c", "image": "c:1"},
		]}),
		workload("DaemonSet", "kube-system", "win", {
			"securityContext": {"windowsOptions": {"hostProcess": true}},
			"containers": [{"name": "agent", "image": "agent:1", "securityContext": {"windowsOptions": {"hostProcess": false}}}],
		}),
	])
}
