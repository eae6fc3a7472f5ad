package soc2scan.rules.kubernetes.availability.min_replicas_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.availability.min_replicas

containers := [{"name": "a", "image": "a:1"}]

scaled(kind, name, replicas) := json.patch(workload(kind, "prod", name, {"containers": containers}), [{"op": "add", "path": "/spec/replicas", "value": replicas}])

hpa(target, spec) := {
	"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
	"metadata": {"name": target, "namespace": "prod"},
	"spec": object.union({"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": target}, "maxReplicas": 10}, spec),
}

test_fail_single_replica if {
	findings := min_replicas.deny with input as kube([
		workload("Deployment", "prod", "default", {"containers": containers}),
		scaled("StatefulSet", "one", 1),
		scaled("Deployment", "scaled", 3),
		hpa("scaled", {}),
	])
	findings == {
		{"resource": "Deployment/prod/default", "message": "Deployment/prod/default runs a single replica (spec.replicas = 1)", "path": ["spec"]},
		{"resource": "StatefulSet/prod/one", "message": "StatefulSet/prod/one runs a single replica (spec.replicas = 1)", "path": ["spec", "replicas"]},
		{"resource": "Deployment/prod/scaled", "message": "Deployment/prod/scaled runs a single replica (HorizontalPodAutoscaler minReplicas = 1)", "path": ["spec"]},
	}
}

test_pass_replicated if {
	count(min_replicas.deny) == 0 with input as kube([
		scaled("Deployment", "api", 3),
		scaled("Deployment", "web", 1),
		hpa("web", {"minReplicas": 2}),
		scaled("Deployment", "off", 0),
		scaled("StatefulSet", "templated", "{{ .Values.replicas }}"),
		workload("DaemonSet", "prod", "agent", {"containers": containers}),
	])
}
