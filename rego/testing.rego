# METADATA
# description: |
#   Builds rule-test inputs in the shape the engine gives rules, so a test
#   lists resources and nothing else. Resources may omit mode, values,
#   unknown and refs; doc fills them and builds the by_type, of_type, by_id
#   and referenced_by indexes exactly as the engine does; kube does the same for
#   Kubernetes manifests, and config does it for config files.
package soc2scan.lib.testing

import data.soc2scan.lib.kubernetes as k8s

# doc returns a Terraform document of the given resources.
doc(rs) := _document("terraform", [_resource(r) | some r in rs])

_document(kind, rs) := {
	"kind": kind,
	"source": "test.json",
	"resources": rs,
	"by_type": {key: [i | some i, x in rs; _type_key(x) == key] | some r in rs; key := _type_key(r)},
	"of_type": {key: [x | some x in rs; _type_key(x) == key] | some r in rs; key := _type_key(r)},
	"by_id": {r.id: i | some i, r in rs},
	"referenced_by": {id: [{"index": i, "attr": attr} |
		some i, x in rs
		some attr, ids in x.refs
		id in ids
	] |
		some r in rs
		some ids in r.refs
		some id in ids
	},
}

_resource(r) := object.union(
	{
		"mode": "managed",
		"provider": split(r.type, "_")[0],
		"values": {},
		"unknown": {},
		"refs": {},
		"location": {"file": "test.json", "line": 0, "column": 0},
	},
	r,
)

_type_key(r) := concat(".", ["data", r.type]) if r.mode == "data"

_type_key(r) := r.type if r.mode != "data"

# kube returns a Kubernetes document of the given manifests, one resource
# each, with the id, type and location the Kubernetes loader gives them,
# and the container index the engine adds as input.kubernetes.
kube(manifests) := object.union(d, {"format": "kubernetes", "source": "test.yaml", "kubernetes": _kube_index(d.resources)}) if {
	d := _document("kubernetes", [_manifest_resource(m) | some m in manifests])
}

# pod_spec_paths maps each kind that runs pods to the path from its
# manifest to the pod spec.
pod_spec_paths := {
	"Pod": ["spec"],
	"Deployment": ["spec", "template", "spec"],
	"StatefulSet": ["spec", "template", "spec"],
	"DaemonSet": ["spec", "template", "spec"],
	"ReplicaSet": ["spec", "template", "spec"],
	"ReplicationController": ["spec", "template", "spec"],
	"Job": ["spec", "template", "spec"],
	"CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
}

# container_lists are the pod spec fields that hold containers, in the
# order the index lists them, with the word messages name each by.
container_lists := [
	["initContainers", "init container"],
	["containers", "container"],
	["ephemeralContainers", "ephemeral container"],
]

# pod_security_fields are the securityContext fields a pod sets for its
# containers, a container's own value winning; windowsOptions is merged a
# level deeper, key by key.
pod_security_fields := ["runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions", "seccompProfile", "appArmorProfile"]

# _kube_index builds input.kubernetes as pkg/engine does (see the lib's
# description of its shape); TestInputMatchesRegoTestingDoc keeps the two
# identical.
_kube_index(rs) := {"pod_specs": pods, "containers": _containers(pods)} if {
	pods := [_pod_spec(i, r, path, spec) |
		some i, r in rs
		path := _pod_spec_path(r)
		spec := object.get(r.values, path, null)
		is_object(spec)
	]
}

# knative_pod_spec_paths are the Knative Serving kinds that run pods, by
# their apiVersion's group serving.knative.dev (a core Service runs none).
knative_pod_spec_paths := {
	"Service": ["spec", "template", "spec"],
	"Configuration": ["spec", "template", "spec"],
	"Revision": ["spec"],
}

_pod_spec_path(r) := knative_pod_spec_paths[r.type] if {
	startswith(object.get(r.values, "apiVersion", ""), "serving.knative.dev/")
} else := pod_spec_paths[r.type]

_pod_spec(i, r, path, spec) := {
	"resource": i,
	"id": r.id,
	"kind": r.type,
	"namespace": k8s.namespace(r),
	"path": path,
	"spec": spec,
	"labels": _object_or_empty(object.get(r.values, array.concat(array.slice(path, 0, count(path) - 1), ["metadata", "labels"]), null)),
	"annotations": _object_or_empty(object.get(r.values, array.concat(array.slice(path, 0, count(path) - 1), ["metadata", "annotations"]), null)),
	"windows": _windows(spec),
}

_windows(spec) if {
	_on_windows(spec)
} else := false

_on_windows(spec) if spec.os.name == "windows"

_on_windows(spec) if spec.nodeSelector["kubernetes.io/os"] == "windows"

_on_windows(spec) if spec.nodeSelector["beta.kubernetes.io/os"] == "windows"

_containers(pods) := [_container(p, ps, list, word, j, ct) |
	some p, ps in pods
	some [list, word] in container_lists
	cs := ps.spec[list]
	is_array(cs)
	some j, ct in cs
	is_object(ct)
]

_container(p, ps, list, word, j, ct) := {
	"pod": p,
	"resource": ps.resource,
	"id": ps.id,
	"kind": ps.kind,
	"namespace": ps.namespace,
	"list": list,
	"index": j,
	"name": name,
	"subject": concat(" ", [ps.id, word, name]),
	"path": array.concat(ps.path, [list, j]),
	"container": ct,
	"windows": ps.windows,
	"security": object.union_n([own, inherited, windows_options]),
	"security_pod": sort(array.concat([f | some f, _ in inherited], windows_from_pod)),
} if {
	name := _container_name(ct, list, j)
	pod := _object_or_empty(object.get(ps.spec, "securityContext", null))
	ctr := _object_or_empty(object.get(ct, "securityContext", null))
	own := {k: v | some k, v in ctr; k != "windowsOptions"; v != null}
	inherited := {f: v | some f in pod_security_fields; object.get(ctr, f, null) == null; v := pod[f]; v != null}
	[windows_options, windows_from_pod] := _windows_options(pod, ctr)
}

_container_name(ct, list, j) := ct.name if {
	is_string(ct.name)
} else := sprintf("%s[%d]", [list, j])

# _windows_options returns the effective windowsOptions as an object to
# merge into the securityContext ({} when empty) and the dotted names of
# its keys that come from the pod.
_windows_options(pod, ctr) := [{"windowsOptions": w}, []] if {
	w := ctr.windowsOptions
	w != null
	not is_object(w)
} else := [_non_empty_windows_options(merged), from_pod] if {
	pw := _object_or_empty(object.get(pod, "windowsOptions", null))
	cw := _object_or_empty(object.get(ctr, "windowsOptions", null))
	keys := object.keys(pw) | object.keys(cw)
	merged := {k: v | some k in keys; v := _set_value(cw, pw, k)}
	from_pod := [concat(".", ["windowsOptions", k]) | some k, v in pw; v != null; object.get(cw, k, null) == null]
}

_set_value(cw, pw, k) := cw[k] if {
	cw[k] != null
} else := pw[k] if {
	pw[k] != null
}

_non_empty_windows_options(m) := {"windowsOptions": m} if {
	count(m) > 0
} else := {}

_object_or_empty(x) := x if {
	is_object(x)
} else := {}

_manifest_resource(m) := {
	"id": k8s.resource_id(m),
	"type": m.kind,
	"provider": "kubernetes",
	"mode": "managed",
	"values": m,
	"unknown": {},
	"refs": {},
	"location": {"file": "test.yaml", "line": 0, "column": 0},
}

# workload returns a manifest of a pod-running kind (Pod, Deployment, CronJob
# ...) in a namespace, whose pods carry the label app=name and the given pod
# spec, for rule tests: workload("Deployment", "prod", "api", {...}).
workload(kind, namespace, name, pod_spec) := object.union(
	{"apiVersion": "v1", "kind": kind, "metadata": {"name": name, "namespace": namespace, "labels": {"app": name}}},
	_nest(kind, pod_spec, {"app": name}),
)

_nest(kind, pod_spec, _) := {"spec": pod_spec} if kind == "Pod"

_nest(kind, pod_spec, labels) := {"spec": {"jobTemplate": {"spec": _template(pod_spec, labels)}}} if kind == "CronJob"

_nest(kind, pod_spec, labels) := {"spec": _template(pod_spec, labels)} if not kind in {"Pod", "CronJob"}

_template(pod_spec, labels) := {"template": {"metadata": {"labels": labels}, "spec": pod_spec}}

# config returns a config document of the given resources ({"id": file,
# "type": config type, "values": the decoded document}), as the config
# loader gives them.
config(rs) := object.union(
	_document("config", [_config_resource(r) | some r in rs]),
	{"format": "config", "source": "test.json"},
)

_config_resource(r) := object.union(
	{
		"provider": "",
		"mode": "managed",
		"values": {},
		"unknown": {},
		"refs": {},
		"location": {"file": r.id, "line": 1, "column": 1},
	},
	r,
)
