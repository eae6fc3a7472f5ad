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
	[[ps.id, ps.resource, ps.path] | some ps in specs] == [
		["Pod/prod/p", 0, ["spec"]],
		["Deployment/default/api", 1, ["spec", "template", "spec"]],
		["CronJob/ops/nightly", 2, ["spec", "jobTemplate", "spec", "template", "spec"]],
	]
}

test_pod_specs_skip_missing_template if {
	specs := k8s.pod_specs with input as kube([{"kind": "Deployment", "metadata": {"name": "x"}, "spec": {"replicas": 1}}])
	specs == []
}

test_containers_of_every_list if {
	d := kube([{"kind": "Pod", "metadata": {"name": "p"}, "spec": {
		"ephemeralContainers": [{"name": "debug"}],
		"containers": [{"name": "a"}, {"name": "b"}],
		"initContainers": [{"name": "init"}],
	}}])
	[[c.list, c.index, c.name, c.path, c.subject] | some c in k8s.all_containers] == [
		["initContainers", 0, "init", ["spec", "initContainers", 0], "Pod/default/p init container init"],
		["containers", 0, "a", ["spec", "containers", 0], "Pod/default/p container a"],
		["containers", 1, "b", ["spec", "containers", 1], "Pod/default/p container b"],
		["ephemeralContainers", 0, "debug", ["spec", "ephemeralContainers", 0], "Pod/default/p ephemeral container debug"],
	] with input as d
}

test_all_containers if {
	[c.subject | some c in k8s.all_containers] == [
		"Pod/prod/p container app", "Deployment/default/api container app", "CronJob/ops/nightly container app",
	] with input as kube(manifests)
}

test_container_record if {
	d := kube([manifests[1]])
	d.kubernetes.containers == [{
		"pod": 0, "resource": 0, "id": "Deployment/default/api", "kind": "Deployment", "namespace": "default",
		"list": "containers", "index": 0, "name": "app", "subject": "Deployment/default/api container app",
		"path": ["spec", "template", "spec", "containers", 0], "container": {"name": "app", "image": "app:1"},
		"windows": false, "security": {}, "security_pod": [],
	}]
	d.kubernetes.pod_specs == [{
		"resource": 0, "id": "Deployment/default/api", "kind": "Deployment", "namespace": "default",
		"path": ["spec", "template", "spec"], "spec": pod_spec, "labels": {"app": "api"}, "annotations": {}, "windows": false,
	}]
	k8s.resource(d.kubernetes.containers[0]) == d.resources[0] with input as d
	k8s.resource(d.kubernetes.pod_specs[0]) == d.resources[0] with input as d
}

sc_pod := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {
	"securityContext": {
		"runAsNonRoot": true, "runAsUser": 1000, "runAsGroup": null, "seccompProfile": {"type": "RuntimeDefault"},
		"windowsOptions": {"runAsUserName": "app", "hostProcess": false, "gmsaCredentialSpecName": null},
	},
	"containers": [
		{"name": "a", "securityContext": {
			"runAsUser": 0, "privileged": null, "runAsGroup": 5, "seccompProfile": null, "readOnlyRootFilesystem": false,
			"windowsOptions": {"hostProcess": true, "runAsUserName": null},
		}},
		{"name": "b"},
		{"name": "c", "securityContext": "not an object"},
		{"name": "d", "securityContext": {"windowsOptions": "not an object"}},
	],
}}

test_security_merges_pod_and_container if {
	[a, b, c, d] := kube([sc_pod]).kubernetes.containers
	a.security == {
		"runAsUser": 0, "runAsGroup": 5, "readOnlyRootFilesystem": false,
		"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"},
		"windowsOptions": {"hostProcess": true, "runAsUserName": "app"},
	}
	a.security_pod == ["runAsNonRoot", "seccompProfile", "windowsOptions.runAsUserName"]
	b.security == {"runAsNonRoot": true, "runAsUser": 1000, "seccompProfile": {"type": "RuntimeDefault"}, "windowsOptions": {"runAsUserName": "app", "hostProcess": false}}
	b.security_pod == ["runAsNonRoot", "runAsUser", "seccompProfile", "windowsOptions.hostProcess", "windowsOptions.runAsUserName"]
	c.security == b.security
	c.security_pod == b.security_pod
	d.security == {"runAsNonRoot": true, "runAsUser": 1000, "seccompProfile": {"type": "RuntimeDefault"}, "windowsOptions": "not an object"}
	d.security_pod == ["runAsNonRoot", "runAsUser", "seccompProfile"]
}

test_security_without_pod_context if {
	[a] := kube([testing.workload("Pod", "prod", "p", {"securityContext": [], "containers": [{"name": "a", "securityContext": {"windowsOptions": {"hostProcess": null}}}]})]).kubernetes.containers
	a.security == {}
	a.security_pod == []
}

test_security_path_and_set_on if {
	[a, b, _, _] := kube([sc_pod]).kubernetes.containers
	k8s.security_path(a, "runAsUser") == ["spec", "containers", 0, "securityContext", "runAsUser"]
	k8s.security_path(b, "runAsUser") == ["spec", "securityContext", "runAsUser"]
	k8s.security_path(a, "windowsOptions.hostProcess") == ["spec", "containers", 0, "securityContext", "windowsOptions", "hostProcess"]
	k8s.security_path(a, "windowsOptions.runAsUserName") == ["spec", "securityContext", "windowsOptions", "runAsUserName"]
	k8s.security_path(a, "privileged") == ["spec", "containers", 0]
	k8s.security_path(b, "capabilities.drop") == ["spec", "containers", 1]
	k8s.set_on(a, "runAsNonRoot") == " (set on the pod)"
	k8s.set_on(a, "runAsUser") == ""
	k8s.set_on(a, "windowsOptions.runAsUserName") == " (set on the pod)"
}

test_windows if {
	d := kube([
		testing.workload("Pod", "prod", "os", {"os": {"name": "windows"}, "containers": [{"name": "a"}]}),
		testing.workload("Deployment", "prod", "selector", {"nodeSelector": {"kubernetes.io/os": "windows"}, "containers": [{"name": "a"}]}),
		testing.workload("Job", "prod", "beta", {"nodeSelector": {"beta.kubernetes.io/os": "windows"}, "containers": [{"name": "a"}]}),
		testing.workload("CronJob", "prod", "linux", {"os": {"name": "linux"}, "nodeSelector": {"kubernetes.io/os": "linux"}, "containers": [{"name": "a"}]}),
		testing.workload("Pod", "prod", "none", {"containers": [{"name": "a"}]}),
	])
	[ps.windows | some ps in d.kubernetes.pod_specs] == [true, true, true, false, false]
	[c.windows | some c in d.kubernetes.containers] == [true, true, true, false, false]
}

test_pod_labels if {
	specs := k8s.pod_specs with input as kube(array.concat(manifests, [{"kind": "Job", "metadata": {"name": "j"}, "spec": {"template": {"metadata": {"labels": "bad"}, "spec": {}}}}]))
	[[ps.id, ps.labels] | some ps in specs] == [
		["Pod/prod/p", {"app": "p"}],
		["Deployment/default/api", {"app": "api"}],
		["CronJob/ops/nightly", {}],
		["Job/default/j", {}],
	]
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
	k8s.finding("Pod/default/p", ["spec", "hostNetwork"], "m") == {"resource": "Pod/default/p", "message": "m", "path": ["spec", "hostNetwork"]}
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

test_all_containers_skip_what_is_not_a_container if {
	d := kube(array.concat(manifests, [testing.workload("Pod", "prod", "odd", {
		"initContainers": {"not": "a list"},
		"containers": [{"image": "unnamed:1"}, "not a container", {"name": 7}],
	})]))
	[[c.pod, c.resource, c.subject] | some c in k8s.all_containers] == [
		[0, 0, "Pod/prod/p container app"], [1, 1, "Deployment/default/api container app"], [2, 2, "CronJob/ops/nightly container app"],
		[3, 7, "Pod/prod/odd container containers[0]"], [3, 7, "Pod/prod/odd container containers[2]"],
	] with input as d
}

test_pod_specs_of_every_kind if {
	specs := k8s.pod_specs with input as kube([testing.workload(kind, "prod", "w", pod_spec) | some kind, _ in testing.pod_spec_paths])
	{ps.kind: ps.path | some ps in specs} == testing.pod_spec_paths
	every ps in specs {
		ps.spec == pod_spec
		ps.labels == {"app": "w"}
		ps.namespace == "prod"
	}
}

test_selects_all if {
	k8s.selects_all({})
	k8s.selects_all(null)
	k8s.selects_all({"matchLabels": {}, "matchExpressions": []})
	not k8s.selects_all({"matchLabels": {"app": "api"}})
	not k8s.selects_all({"matchExpressions": [{"key": "zone", "operator": "DoesNotExist"}]})
}
