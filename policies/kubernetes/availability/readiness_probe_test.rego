package soc2scan.rules.kubernetes.availability.readiness_probe_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.availability.readiness_probe

probe := {"httpGet": {"path": "/healthz", "port": 8080}}

test_fail_missing_probe if {
	findings := readiness_probe.deny with input as kube([
		workload("Deployment", "prod", "api", {
			"initContainers": [{"name": "migrate", "image": "m:1"}],
			"containers": [
				{"name": "app", "image": "a:1", "readinessProbe": probe},
				{"name": "side", "image": "s:1"},
				{"name": "nulled", "image": "n:1", "readinessProbe": null},
			],
		}),
		workload("Pod", "prod", "p", {"restartPolicy": "Always", "containers": [{"name": "web", "image": "w:1"}]}),
	])
	findings == {
		{"resource": "Deployment/prod/api", "message": "Deployment/prod/api container side defines no readinessProbe", "path": ["spec", "template", "spec", "containers", 1]},
		{"resource": "Deployment/prod/api", "message": "Deployment/prod/api container nulled defines no readinessProbe (null)", "path": ["spec", "template", "spec", "containers", 2, "readinessProbe"]},
		{"resource": "Pod/prod/p", "message": "Pod/prod/p container web defines no readinessProbe", "path": ["spec", "containers", 0]},
	}
}

test_pass_probes_and_run_to_completion if {
	count(readiness_probe.deny) == 0 with input as kube([
		workload("StatefulSet", "prod", "db", {"containers": [{"name": "db", "image": "db:1", "readinessProbe": probe}]}),
		workload("CronJob", "ops", "backup", {"containers": [{"name": "b", "image": "b:1"}]}),
		workload("Job", "ops", "migrate", {"containers": [{"name": "m", "image": "m:1"}]}),
		workload("Pod", "ops", "task", {"restartPolicy": "Never", "containers": [{"name": "t", "image": "t:1"}]}),
	])
}
