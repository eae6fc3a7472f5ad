package soc2scan.rules.kubernetes.image.tag_pinned_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.image.tag_pinned

test_fail_latest_and_untagged if {
	findings := tag_pinned.deny with input as kube([workload("Deployment", "prod", "api", {
		"initContainers": [{"name": "init", "image": "registry.example.com:5000/team/init"}],
		"containers": [
			{"name": "app", "image": "nginx:latest"},
			{"name": "ok", "image": "nginx:1.27.1"},
		],
	})])
	findings == {
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api init container init image registry.example.com:5000/team/init has no tag or digest (pulls latest)",
			"path": ["spec", "template", "spec", "initContainers", 0, "image"],
		},
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api container app image nginx:latest uses tag latest",
			"path": ["spec", "template", "spec", "containers", 0, "image"],
		},
	}
}

test_fail_ephemeral_container_untagged if {
	findings := tag_pinned.deny with input as kube([workload("Pod", "prod", "p", {
		"containers": [{"name": "a", "image": "a:1"}],
		"ephemeralContainers": [{"name": "debug", "image": "busybox"}],
	})])
	{f.message | some f in findings} == {"Pod/prod/p ephemeral container debug image busybox has no tag or digest (pulls latest)"}
}

test_pass_tag_or_digest if {
	count(tag_pinned.deny) == 0 with input as kube([workload("CronJob", "ops", "c", {"containers": [
		{"name": "a", "image": "registry:5000/app:2.1"},
		{"name": "b", "image": "app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
		{"name": "c", "image": "app:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
		{"name": "d"},
	]})])
}
