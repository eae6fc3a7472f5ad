package soc2scan.rules.kubernetes.pod.seccomp_apparmor_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.seccomp_apparmor

test_fail_unset_and_unconfined if {
	findings := seccomp_apparmor.deny with input as kube([workload("Deployment", "prod", "api", {
		"securityContext": {"seccompProfile": {"type": "Unconfined"}},
		"containers": [
			{"name": "app", "image": "a:1"},
			{"name": "side", "image": "s:1", "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}},
		],
	})])
	findings == {{
		"resource": "Deployment/prod/api",
		"message": "Deployment/prod/api container app sets securityContext.seccompProfile.type = Unconfined (set on the pod)",
		"path": ["spec", "template", "spec", "securityContext", "seccompProfile"],
	}}
}

test_fail_nothing_set_and_legacy_annotation_ignored if {
	manifest := json.patch(workload("Pod", "prod", "p", {"containers": [{"name": "app", "image": "a:1"}]}), [{
		"op": "add", "path": "/metadata/annotations",
		"value": {"seccomp.security.alpha.kubernetes.io/pod": "runtime/default"},
	}])
	findings := seccomp_apparmor.deny with input as kube([manifest])
	findings == {{
		"resource": "Pod/prod/p",
		"message": "Pod/prod/p container app does not set securityContext.seccompProfile (type RuntimeDefault or Localhost)",
		"path": ["spec", "containers", 0],
	}}
}

test_fail_apparmor_unconfined if {
	manifest := json.patch(
		workload("Deployment", "prod", "api", {
			"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}},
			"containers": [
				{"name": "app", "image": "a:1", "securityContext": {"appArmorProfile": {"type": "Unconfined"}}},
				{"name": "old", "image": "o:1"},
			],
		}),
		[{
			"op": "add", "path": "/spec/template/metadata/annotations",
			"value": {"container.apparmor.security.beta.kubernetes.io/old": "unconfined"},
		}],
	)
	findings := seccomp_apparmor.deny with input as kube([manifest])
	findings == {
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api container app runs without AppArmor: securityContext.appArmorProfile.type = Unconfined",
			"path": ["spec", "template", "spec", "containers", 0, "securityContext", "appArmorProfile"],
		},
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api runs container old without AppArmor: annotation container.apparmor.security.beta.kubernetes.io/old = unconfined",
			"path": ["spec", "template", "metadata", "annotations", "container.apparmor.security.beta.kubernetes.io/old"],
		},
	}
}

test_pass_runtime_default_or_localhost if {
	count(seccomp_apparmor.deny) == 0 with input as kube([
		workload("CronJob", "ops", "c", {
			"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}},
			"containers": [{"name": "c", "image": "c:1", "securityContext": {"appArmorProfile": {"type": "RuntimeDefault"}}}],
		}),
		workload("Pod", "prod", "p", {"containers": [{"name": "a", "image": "a:1", "securityContext": {"seccompProfile": {"type": "Localhost", "localhostProfile": "profiles/a.json"}}}]}),
		workload("Pod", "prod", "w", {"os": {"name": "windows"}, "containers": [{"name": "iis", "image": "iis:1"}]}),
	])
}
