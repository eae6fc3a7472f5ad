package soc2scan.lib.kubernetes_test

import data.soc2scan.lib.kubernetes as k8s
import data.soc2scan.lib.testing
import data.soc2scan.lib.testing.kube

pod_spec := {"containers": [{"name": "app", "image": "app:1"}]}

manifests := [
	{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "prod", "labels": {"app": "p"}}, "spec": pod_spec},
	{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api"}, "spec": {"template": {"metadata": {"labels": {"app": "api"}}, "spec": pod_spec}}},
	{"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "nightly", "namespace": "ops"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": pod_spec}}}}},
	{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "api", "namespace": "prod"}, "spec": {}},
	{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "reader"}},
	{"apiVersion": "example.com/v1", "kind": "ClusterIssuer", "metadata": {"name": "le"}},
	{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "prod"}},
]

test_resource_ids if {
	{r.id | some r in kube(manifests).resources} == {
		"Pod/prod/p", "Deployment/default/api", "CronJob/ops/nightly", "Service/prod/api",
		"ClusterRole/reader", "ClusterIssuer/le", "Namespace/prod",
	}
}

test_kube_document_shape if {
	d := kube(manifests)
	d.kind == "kubernetes"
	d.format == "kubernetes"
	d.by_type.Deployment == [1]
	d.by_id["Service/prod/api"] == 3
	d.referenced_by == {}
	r := d.resources[1]
	r.type == "Deployment"
	r.provider == "kubernetes"
	r.mode == "managed"
	r.values == manifests[1]
	r.location == {"file": "test.yaml", "line": 0, "column": 0}
}

test_namespace if {
	d := kube(manifests)
	k8s.namespace(d.resources[0]) == "prod" with input as d
	k8s.namespace(d.resources[1]) == "default" with input as d
	not k8s.namespace(d.resources[4]) with input as d
}

test_pod_specs_through_every_kind if {
	specs := k8s.pod_specs with input as kube(manifests)
	{[ps.resource.id, ps.path] | some ps in specs} == {
		["Pod/prod/p", ["spec"]],
		["Deployment/default/api", ["spec", "template", "spec"]],
		["CronJob/ops/nightly", ["spec", "jobTemplate", "spec", "template", "spec"]],
	}
}

test_pod_specs_skip_missing_template if {
	specs := k8s.pod_specs with input as kube([{"kind": "Deployment", "metadata": {"name": "x"}, "spec": {"replicas": 1}}])
	specs == []
}

test_containers_of_every_list if {
	ps := {"resource": {"id": "Pod/default/p"}, "path": ["spec"], "spec": {
		"initContainers": [{"name": "init"}],
		"containers": [{"name": "a"}, {"name": "b"}],
		"ephemeralContainers": [{"name": "debug"}],
	}}
	{[c.list, c.name, c.path] | some c in k8s.containers(ps)} == {
		["initContainers", "init", ["spec", "initContainers", 0]],
		["containers", "a", ["spec", "containers", 0]],
		["containers", "b", ["spec", "containers", 1]],
		["ephemeralContainers", "debug", ["spec", "ephemeralContainers", 0]],
	}
	{k8s.subject(c) | some c in k8s.containers(ps)} == {
		"Pod/default/p init container init", "Pod/default/p container a",
		"Pod/default/p container b", "Pod/default/p ephemeral container debug",
	}
}

test_all_containers if {
	{k8s.subject(c) | some c in k8s.all_containers} == {
		"Pod/prod/p container app", "Deployment/default/api container app", "CronJob/ops/nightly container app",
	} with input as kube(manifests)
}

sc_pod := {"resource": {"id": "Pod/default/p"}, "path": ["spec"], "spec": {
	"securityContext": {"runAsNonRoot": true, "runAsUser": 1000, "seccompProfile": {"type": "RuntimeDefault"}},
	"containers": [
		{"name": "a", "securityContext": {"runAsUser": 0, "privileged": null}},
		{"name": "b"},
	],
}}

test_security_context_container_overrides_pod if {
	[a, b] := k8s.containers(sc_pod)
	k8s.security_context(a, "runAsUser") == {"value": 0, "path": ["spec", "containers", 0, "securityContext", "runAsUser"], "from": "container"}
	k8s.security_context(b, "runAsUser") == {"value": 1000, "path": ["spec", "securityContext", "runAsUser"], "from": "pod"}
	k8s.security_context(a, ["seccompProfile", "type"]).value == "RuntimeDefault"
}

test_security_context_container_only_fields if {
	[a, b] := k8s.containers(sc_pod)
	k8s.security_context(a, "privileged") == {"value": null, "path": ["spec", "containers", 0], "from": "none"}
	k8s.security_context(b, "readOnlyRootFilesystem").from == "none"
}

test_windows if {
	k8s.windows({"spec": {"os": {"name": "windows"}}})
	k8s.windows({"spec": {"nodeSelector": {"kubernetes.io/os": "windows"}}})
	not k8s.windows({"spec": {"nodeSelector": {"kubernetes.io/os": "linux"}}})
}

test_pod_labels if {
	specs := k8s.pod_specs with input as kube(manifests)
	{[ps.resource.id, k8s.pod_labels(ps)] | some ps in specs} == {
		["Pod/prod/p", {"app": "p"}],
		["Deployment/default/api", {"app": "api"}],
		["CronJob/ops/nightly", {}],
	}
}

test_selects if {
	labels := {"app": "api", "tier": "web"}
	k8s.selects({}, labels)
	k8s.selects(null, labels)
	k8s.selects({"matchLabels": {"app": "api"}}, labels)
	not k8s.selects({"matchLabels": {"app": "api", "tier": "db"}}, labels)
	k8s.selects({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["web", "edge"]}]}, labels)
	not k8s.selects({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["db"]}]}, labels)
	k8s.selects({"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["db"]}]}, labels)
	k8s.selects({"matchExpressions": [{"key": "zone", "operator": "NotIn", "values": ["a"]}]}, labels)
	not k8s.selects({"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["web"]}]}, labels)
	k8s.selects({"matchExpressions": [{"key": "app", "operator": "Exists"}]}, labels)
	not k8s.selects({"matchExpressions": [{"key": "zone", "operator": "Exists"}]}, labels)
	k8s.selects({"matchExpressions": [{"key": "zone", "operator": "DoesNotExist"}]}, labels)
	not k8s.selects({"matchExpressions": [{"key": "app", "operator": "DoesNotExist"}]}, labels)
	not k8s.selects({"matchExpressions": [{"key": "app", "operator": "Bogus"}]}, labels)
}

test_finding if {
	k8s.finding({"id": "Pod/default/p"}, ["spec", "hostNetwork"], "m") == {"resource": "Pod/default/p", "message": "m", "path": ["spec", "hostNetwork"]}
	k8s.dotted(["spec", "containers", 0, "image"]) == "spec.containers.0.image"
}

test_exposes_runtime_socket if {
	k8s.exposes_runtime_socket("/var/run/docker.sock")
	k8s.exposes_runtime_socket("/var/run/")
	k8s.exposes_runtime_socket("/run/containerd")
	k8s.exposes_runtime_socket("/")
	not k8s.exposes_runtime_socket("/var/log")
	not k8s.exposes_runtime_socket("/var/run/docker.sock.bak")
	not k8s.exposes_runtime_socket("/va")
}

test_workload_builder if {
	testing.workload("CronJob", "ops", "n", {"containers": []}).spec.jobTemplate.spec.template == {"metadata": {"labels": {"app": "n"}}, "spec": {"containers": []}}
	testing.workload("Pod", "ops", "n", {"containers": []}).spec == {"containers": []}
	testing.workload("Deployment", "ops", "n", {"containers": []}).spec.template.spec == {"containers": []}
	testing.workload("Deployment", "ops", "n", {}).metadata == {"name": "n", "namespace": "ops", "labels": {"app": "n"}}
}

test_raw_containers_match_all_containers if {
	d := kube(array.concat(manifests, [testing.workload("Pod", "prod", "odd", {
		"initContainers": {"not": "a list"},
		"containers": [{"image": "unnamed:1"}, "not a container"],
	})]))
	raw := k8s.raw_containers with input as d
	all := k8s.all_containers with input as d
	count(raw) == count(all)
	{[ps.resource.id, list, i] | some [ps, list, i, _] in raw} == {[c.resource.id, c.list, c.index] | some c in all}
	{k8s.subject(c) | some c in all} == {
		"Pod/prod/p container app", "Deployment/default/api container app", "CronJob/ops/nightly container app",
		"Pod/prod/odd container containers[0]",
	}
}

test_container_from_raw if {
	[ps, list, i, raw] := k8s.raw_containers[0] with input as kube([manifests[0]])
	k8s.container(ps, list, i, raw) == k8s.containers(ps)[0]
	k8s.container(ps, list, i, raw).path == ["spec", "containers", 0]
}

test_pod_specs_of_every_kind if {
	specs := k8s.pod_specs with input as kube([testing.workload(kind, "prod", "w", pod_spec) | some kind in k8s.pod_kinds])
	{ps.resource.type: ps.path | some ps in specs} == k8s.pod_spec_paths
	every ps in specs {
		ps.spec == pod_spec
	}
}

test_security_context_paths_and_pod_only_fields if {
	[a, b] := k8s.containers(sc_pod)
	k8s.security_context(b, ["seccompProfile", "type"]) == {"value": "RuntimeDefault", "path": ["spec", "securityContext", "seccompProfile", "type"], "from": "pod"}
	k8s.security_context(a, "runAsNonRoot").from == "pod"
	k8s.set_on(k8s.security_context(a, "runAsNonRoot")) == " (set on the pod)"
	k8s.set_on(k8s.security_context(a, "runAsUser")) == ""
}

test_os if {
	k8s.os({"spec": {"nodeSelector": {"beta.kubernetes.io/os": "windows"}}}) == "windows"
	k8s.os({"spec": {"os": {"name": "linux"}}}) == "linux"
	k8s.os({"spec": {}}) == "linux"
}

test_selects_all if {
	k8s.selects_all({})
	k8s.selects_all(null)
	k8s.selects_all({"matchLabels": {}, "matchExpressions": []})
	not k8s.selects_all({"matchLabels": {"app": "api"}})
	not k8s.selects_all({"matchExpressions": [{"key": "zone", "operator": "DoesNotExist"}]})
}
