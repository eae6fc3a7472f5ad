package soc2scan.rules.kubernetes.pod.capabilities_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.capabilities

test_fail_dangerous_adds_and_no_drop if {
	findings := capabilities.deny with input as kube([workload("Deployment", "prod", "vpn", {"containers": [{
		"name": "vpn",
		"image": "vpn:1",
		"securityContext": {"capabilities": {"add": ["NET_ADMIN", "CAP_SYS_ADMIN", "NET_BIND_SERVICE", "net_raw"], "drop": ["NET_RAW"]}},
	}]})])
	findings == {
		{
			"resource": "Deployment/prod/vpn",
			"message": "Deployment/prod/vpn container vpn adds capabilities NET_ADMIN, SYS_ADMIN, NET_RAW (securityContext.capabilities.add)",
			"path": ["spec", "template", "spec", "containers", 0, "securityContext", "capabilities", "add"],
		},
		{
			"resource": "Deployment/prod/vpn",
			"message": "Deployment/prod/vpn container vpn does not drop ALL capabilities (securityContext.capabilities.drop)",
			"path": ["spec", "template", "spec", "containers", 0, "securityContext", "capabilities", "drop"],
		},
	}
}

test_fail_add_all_in_init_container if {
	findings := capabilities.deny with input as kube([workload("Pod", "prod", "p", {
		"initContainers": [{"name": "init", "image": "i:1", "securityContext": {"capabilities": {"add": ["ALL"], "drop": ["ALL"]}}}],
		"containers": [{"name": "app", "image": "a:1", "securityContext": {"capabilities": {"drop": ["ALL"]}}}],
	})])
	findings == {{
		"resource": "Pod/prod/p",
		"message": "Pod/prod/p init container init adds capabilities ALL (securityContext.capabilities.add)",
		"path": ["spec", "initContainers", 0, "securityContext", "capabilities", "add"],
	}}
}

test_fail_no_security_context if {
	findings := capabilities.deny with input as kube([workload("CronJob", "ops", "c", {"containers": [{"name": "c", "image": "c:1"}]})])
	findings == {{
		"resource": "CronJob/ops/c",
		"message": "CronJob/ops/c container c does not drop ALL capabilities (securityContext.capabilities.drop)",
		"path": ["spec", "jobTemplate", "spec", "template", "spec", "containers", 0],
	}}
}

test_pass_drop_all_add_baseline if {
	count(capabilities.deny) == 0 with input as kube([workload("Deployment", "prod", "web", {"containers": [{
		"name": "web",
		"image": "w:1",
		"securityContext": {"capabilities": {"drop": ["all"], "add": ["NET_BIND_SERVICE", "CHOWN"]}},
	}]})])
}

test_pass_windows_pod_not_judged if {
	count(capabilities.deny) == 0 with input as kube([workload("Pod", "prod", "w", {"os": {"name": "windows"}, "containers": [{"name": "iis", "image": "iis:1"}]})])
}
