package soc2scan.rules.kubernetes.pod.read_only_root_filesystem_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.read_only_root_filesystem

test_fail_unset_and_false if {
	findings := read_only_root_filesystem.deny with input as kube([workload("ReplicaSet", "prod", "rs", {
		"initContainers": [{"name": "init", "image": "i:1", "securityContext": {"readOnlyRootFilesystem": true}}],
		"containers": [
			{"name": "app", "image": "a:1", "securityContext": {"readOnlyRootFilesystem": false}},
			{"name": "side", "image": "s:1"},
		],
	})])
	findings == {
		{
			"resource": "ReplicaSet/prod/rs",
			"message": "ReplicaSet/prod/rs container app sets securityContext.readOnlyRootFilesystem = false",
			"path": ["spec", "template", "spec", "containers", 0, "securityContext", "readOnlyRootFilesystem"],
		},
		{
			"resource": "ReplicaSet/prod/rs",
			"message": "ReplicaSet/prod/rs container side does not set securityContext.readOnlyRootFilesystem = true",
			"path": ["spec", "template", "spec", "containers", 1],
		},
	}
}

test_pass_read_only if {
	count(read_only_root_filesystem.deny) == 0 with input as kube([workload("ReplicationController", "prod", "rc", {"containers": [{"name": "a", "image": "a:1", "securityContext": {"readOnlyRootFilesystem": true}}]})])
}

test_pass_windows_pod_not_judged if {
	count(read_only_root_filesystem.deny) == 0 with input as kube([workload("Pod", "prod", "w", {"os": {"name": "windows"}, "containers": [{"name": "iis", "image": "iis:1"}]})])
}
