package soc2scan.rules.kubernetes.availability.autoscaling_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.availability.autoscaling

containers := [{"name": "a", "image": "a:1"}]

hpa(target, spec) := {
	"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
	"metadata": {"name": target, "namespace": "prod"},
	"spec": object.union({"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": target}}, spec),
}

test_fail_no_autoscaler_and_fixed_range if {
	findings := autoscaling.deny with input as kube([
		workload("Deployment", "prod", "api", {"containers": containers}),
		workload("Deployment", "prod", "fixed", {"containers": containers}),
		hpa("fixed", {"minReplicas": 3, "maxReplicas": 3}),
		workload("Deployment", "other", "fixed", {"containers": containers}),
	])
	findings == {
		{"resource": "Deployment/prod/api", "message": "Deployment/prod/api is the target of no HorizontalPodAutoscaler", "path": ["spec"]},
		{"resource": "HorizontalPodAutoscaler/prod/fixed", "message": "HorizontalPodAutoscaler/prod/fixed cannot scale out: maxReplicas = 3, minReplicas = 3", "path": ["spec", "maxReplicas"]},
		{"resource": "Deployment/other/fixed", "message": "Deployment/other/fixed is the target of no HorizontalPodAutoscaler", "path": ["spec"]},
	}
}

test_pass_autoscaled if {
	count(autoscaling.deny) == 0 with input as kube([
		workload("Deployment", "prod", "api", {"containers": containers}),
		hpa("api", {"minReplicas": 2, "maxReplicas": 10}),
		workload("DaemonSet", "prod", "agent", {"containers": containers}),
	])
}
