package soc2scan.rules.kubernetes.pod.privilege_escalation_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.privilege_escalation

test_fail_unset_and_true if {
	findings := privilege_escalation.deny with input as kube([workload("StatefulSet", "prod", "db", {
		"initContainers": [{"name": "init", "image": "i:1", "securityContext": {"allowPrivilegeEscalation": true}}],
		"containers": [{"name": "db", "image": "db:1"}],
	})])
	findings == {
		{
			"resource": "StatefulSet/prod/db",
			"message": "StatefulSet/prod/db init container init sets securityContext.allowPrivilegeEscalation = true",
			"path": ["spec", "template", "spec", "initContainers", 0, "securityContext", "allowPrivilegeEscalation"],
		},
		{
			"resource": "StatefulSet/prod/db",
			"message": "StatefulSet/prod/db container db does not set securityContext.allowPrivilegeEscalation = false",
			"path": ["spec", "template", "spec", "containers", 0],
		},
	}
}

test_fail_ephemeral_container if {
	findings := privilege_escalation.deny with input as kube([workload("Pod", "prod", "p", {
		"containers": [{"name": "app", "image": "a:1", "securityContext": {"allowPrivilegeEscalation": false}}],
		"ephemeralContainers": [{"name": "debug", "image": "busybox:1"}],
	})])
	{f.message | some f in findings} == {"Pod/prod/p ephemeral container debug does not set securityContext.allowPrivilegeEscalation = false"}
}

test_pass_false_everywhere if {
	count(privilege_escalation.deny) == 0 with input as kube([workload("Job", "prod", "j", {
		"initContainers": [{"name": "i", "image": "i:1", "securityContext": {"allowPrivilegeEscalation": false}}],
		"containers": [{"name": "c", "image": "c:1", "securityContext": {"allowPrivilegeEscalation": false}}],
	})])
}

test_pass_windows_pod_not_judged if {
	count(privilege_escalation.deny) == 0 with input as kube([workload("Deployment", "prod", "win", {
		"nodeSelector": {"kubernetes.io/os": "windows"},
		"containers": [{"name": "iis", "image": "iis:1"}],
	})])
}
