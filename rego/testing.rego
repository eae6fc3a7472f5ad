# METADATA
# description: |
#   Builds rule-test inputs in the shape the engine gives rules, so a test
#   lists resources and nothing else. Resources may omit mode, values,
#   unknown and refs; doc fills them and builds the by_type, by_id and
#   referenced_by indexes exactly as the engine does; kube does the same for
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
# each, with the id, type and location the Kubernetes loader gives them.
kube(manifests) := object.union(
	_document("kubernetes", [_manifest_resource(m) | some m in manifests]),
	{"format": "kubernetes", "source": "test.yaml"},
)

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
