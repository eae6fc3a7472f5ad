package soc2scan.rules.kubernetes.pod.host_namespaces_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.host_namespaces

test_fail_host_namespaces if {
	findings := host_namespaces.deny with input as kube([workload("DaemonSet", "kube-system", "agent", {
		"hostNetwork": true,
		"hostPID": true,
		"hostIPC": false,
		"containers": [{"name": "agent", "image": "a:1"}],
	})])
	findings == {
		{"resource": "DaemonSet/kube-system/agent", "message": "DaemonSet/kube-system/agent sets hostNetwork = true", "path": ["spec", "template", "spec", "hostNetwork"]},
		{"resource": "DaemonSet/kube-system/agent", "message": "DaemonSet/kube-system/agent sets hostPID = true", "path": ["spec", "template", "spec", "hostPID"]},
	}
}

test_fail_host_ports_one_finding_per_container if {
	findings := host_namespaces.deny with input as kube([workload("Pod", "prod", "p", {
		"initContainers": [{"name": "init", "image": "i:1", "ports": [{"containerPort": 9000, "hostPort": 9000}]}],
		"containers": [{"name": "web", "image": "w:1", "ports": [
			{"containerPort": 8080},
			{"containerPort": 80, "hostPort": 80},
			{"containerPort": 443, "hostPort": 443},
		]}],
	})])
	findings == {
		{"resource": "Pod/prod/p", "message": "Pod/prod/p init container init binds hostPort 9000", "path": ["spec", "initContainers", 0, "ports", 0, "hostPort"]},
		{"resource": "Pod/prod/p", "message": "Pod/prod/p container web binds hostPort 80, 443", "path": ["spec", "containers", 0, "ports", 1, "hostPort"]},
	}
}

test_pass_no_host_access if {
	count(host_namespaces.deny) == 0 with input as kube([workload("CronJob", "prod", "c", {
		"hostNetwork": false,
		"containers": [{"name": "c", "image": "c:1", "ports": [{"containerPort": 80, "hostPort": 0}, {"containerPort": 81}]}],
	})])
}
