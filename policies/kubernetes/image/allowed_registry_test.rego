package soc2scan.rules.kubernetes.image.allowed_registry_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.image.allowed_registry

manifests := [workload("Deployment", "prod", "api", {
	"initContainers": [{"name": "init", "image": "busybox:1.36"}],
	"containers": [
		{"name": "app", "image": "registry.example.com/team/app:1.2"},
		{"name": "proxy", "image": "quay.io/acme/proxy:2"},
		{"name": "hub", "image": "acme/tool:3"},
	],
})]

test_fail_other_registries if {
	findings := allowed_registry.deny with input as kube(manifests)
		with data.soc2scan.settings.allowed_registries as ["registry.example.com/", "docker.io/acme/"]
	findings == {
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api init container init image busybox:1.36 is not from an allow-listed registry (docker.io/library/busybox:1.36)",
			"path": ["spec", "template", "spec", "initContainers", 0, "image"],
		},
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api container proxy image quay.io/acme/proxy:2 is not from an allow-listed registry (quay.io/acme/proxy:2)",
			"path": ["spec", "template", "spec", "containers", 1, "image"],
		},
	}
}

test_pass_all_allowed if {
	count(allowed_registry.deny) == 0 with input as kube(manifests)
		with data.soc2scan.settings.allowed_registries as ["registry.example.com/", "quay.io/acme/", "docker.io/"]
}

test_unknown_without_allow_list if {
	count(allowed_registry.deny) == 0 with input as kube(manifests)
	allowed_registry.unknown == {{"resource": "Deployment/prod/api", "message": "no registry allow-list is configured (data.soc2scan.settings.allowed_registries)"}} with input as kube(manifests)
}
