# METADATA
# description: |
#   Helpers for rules over Kubernetes documents (all manifests of a scan in
#   one document): resource lookup through the loader's by-type index, the
#   resource id convention, namespaces, every pod spec wherever its kind keeps
#   it, every container of a pod spec, effective securityContext values,
#   label selectors and the finding constructor.
#
#   A finding carries a path: the keys and indices from the resource's values
#   (the manifest) to the offending value, from which the engine finds the
#   line.
package soc2scan.lib.kubernetes

# pod_spec_paths maps each kind that carries a pod template to the path from
# its manifest to the pod spec.
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

# pod_kinds is the set of kinds that run pods.
pod_kinds := {kind | some kind, _ in pod_spec_paths}

# cluster_scoped_kinds are the built-in kinds without a namespace; any kind
# whose name starts with "Cluster" is cluster-scoped too.
cluster_scoped_kinds := {
	"APIService", "CertificateSigningRequest", "ClusterRole", "ClusterRoleBinding",
	"ComponentStatus", "CSIDriver", "CSINode", "CustomResourceDefinition", "FlowSchema",
	"IngressClass", "MutatingWebhookConfiguration", "Namespace", "Node", "PersistentVolume",
	"PodSecurityPolicy", "PriorityClass", "PriorityLevelConfiguration", "RuntimeClass",
	"StorageClass", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
	"ValidatingWebhookConfiguration", "VolumeAttachment",
}

# cluster_scoped holds for kinds that have no namespace.
cluster_scoped(kind) if kind in cluster_scoped_kinds

cluster_scoped(kind) if startswith(kind, "Cluster")

# resource_id is the id the loader gives a manifest: Kind/namespace/name,
# with namespace "default" when absent, or Kind/name for cluster-scoped kinds.
resource_id(manifest) := concat("/", [manifest.kind, _name(manifest)]) if {
	cluster_scoped(manifest.kind)
} else := concat("/", [manifest.kind, _manifest_namespace(manifest), _name(manifest)])

# resources returns the objects of a kind, through the by-type index: a rule
# never walks every resource of the document.
resources(kind) := [input.resources[i] | some i in input.by_type[kind]]

# namespace returns the namespace of a namespaced resource ("default" when
# its manifest names none); it is undefined for cluster-scoped kinds.
namespace(r) := _manifest_namespace(r.values) if not cluster_scoped(r.type)

# pod_specs lists every pod spec of the document, each as
# {"resource": owner, "path": path from the owner's values to the spec,
# "spec": the pod spec}. It reads the spec through direct references, one
# comprehension per shape of pod_spec_paths: it is computed once per query
# but walked by most rules, so it must be cheap.
pod_specs := array.concat(array.concat(_pod_specs_of_pods, _pod_specs_of_templates), _pod_specs_of_cronjobs)

_pod_specs_of_pods := [{"resource": r, "path": ["spec"], "spec": spec} |
	some i in input.by_type.Pod
	r := input.resources[i]
	spec := r.values.spec
	is_object(spec)
]

_template_kinds := [kind | some kind, path in pod_spec_paths; path == ["spec", "template", "spec"]]

_pod_specs_of_templates := [{"resource": r, "path": ["spec", "template", "spec"], "spec": spec} |
	some kind in _template_kinds
	some i in input.by_type[kind]
	r := input.resources[i]
	spec := r.values.spec.template.spec
	is_object(spec)
]

_pod_specs_of_cronjobs := [{"resource": r, "path": ["spec", "jobTemplate", "spec", "template", "spec"], "spec": spec} |
	some i in input.by_type.CronJob
	r := input.resources[i]
	spec := r.values.spec.jobTemplate.spec.template.spec
	is_object(spec)
]

# container_lists are the pod spec fields that hold containers.
container_lists := ["initContainers", "containers", "ephemeralContainers"]

# container returns container ct, element i of a container list of a pod
# spec (an element of pod_specs), as {"pod": ps, "resource": owner,
# "list": field name, "index": i, "name": container name, "path": path
# from the owner's values, "container": ct}.
container(ps, list, i, ct) := {
	"pod": ps,
	"resource": ps.resource,
	"list": list,
	"index": i,
	"name": _container_name(ct, list, i),
	"path": array.concat(ps.path, [list, i]),
	"container": ct,
}

_container_name(ct, list, i) := n if {
	n := ct.name
} else := sprintf("%s[%d]", [list, i])

# raw_containers lists every container of every pod spec of the document
# as [pod spec, list, index, container], computed once per query. The
# container rules walk it, test the field they judge directly (a failing
# reference ends the iteration at once, so the common case costs one
# lookup) and build the container object, paths and messages only for a
# finding:
#
#	some [ps, list, i, raw] in k8s.raw_containers
#	raw.securityContext.privileged == true
#	c := k8s.container(ps, list, i, raw)
raw_containers := [[ps, list, i, ct] |
	some ps in pod_specs
	some list in container_lists
	cs := ps.spec[list]
	is_array(cs)
	some i, ct in cs
	is_object(ct)
]

# containers returns every container of a pod spec (an element of
# pod_specs), init and ephemeral containers included, each as container
# gives it.
containers(ps) := [container(ps, list, i, ct) |
	some list in container_lists
	cs := object.get(ps.spec, list, [])
	is_array(cs)
	some i, ct in cs
	is_object(ct)
]

# all_containers is every container of every pod spec of the document.
all_containers := [container(ps, list, i, ct) | some [ps, list, i, ct] in raw_containers]

# subject names a container in messages: "Deployment/prod/api container
# app", "... init container migrate", "... ephemeral container debug".
subject(c) := sprintf("%s %s %s", [c.resource.id, _list_word[c.list], c.name])

_list_word := {"containers": "container", "initContainers": "init container", "ephemeralContainers": "ephemeral container"}

# pod_security_fields are the securityContext fields a pod may set for all
# its containers; a container's own value overrides the pod's.
pod_security_fields := {
	"runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions",
	"seccompProfile", "windowsOptions", "appArmorProfile",
}

# security_context returns the effective value of a securityContext field
# (a name or a path such as ["seccompProfile", "type"]) for container c:
# {"value": v, "path": where it is set, "from": "container" | "pod"}, the
# container's setting winning over the pod's; {"value": null, "path":
# the container's path, "from": "none"} when neither sets it. A null value
# counts as unset.
security_context(c, field) := _security_context(c, _sc_path(field))

_sc_path(field) := ["securityContext", field] if {
	is_string(field)
} else := array.concat(["securityContext"], field) if {
	is_array(field)
}

_security_context(c, p) := {"value": v, "path": array.concat(c.path, p), "from": "container"} if {
	v := object.get(c.container, p, null)
	v != null
} else := {"value": v, "path": array.concat(c.pod.path, p), "from": "pod"} if {
	p[1] in pod_security_fields
	v := object.get(c.pod.spec, p, null)
	v != null
} else := {"value": null, "path": c.path, "from": "none"}

# set_on says where an effective securityContext value comes from, for
# messages: "" when the container sets it, " (set on the pod)" otherwise.
set_on(sc) := " (set on the pod)" if {
	sc.from == "pod"
} else := ""

# os is "windows" for a pod spec that runs on Windows nodes, else "linux":
# rules that judge the two differently dispatch on it.
os(ps) := "windows" if {
	windows(ps)
} else := "linux"

# windows holds for a pod spec that runs on Windows nodes, where the Linux
# securityContext fields (privileged, capabilities, runAsUser,
# readOnlyRootFilesystem, seccompProfile ...) do not apply.
windows(ps) if ps.spec.os.name == "windows"

windows(ps) if ps.spec.nodeSelector["kubernetes.io/os"] == "windows"

windows(ps) if ps.spec.nodeSelector["beta.kubernetes.io/os"] == "windows"

# lookup returns the resource with an id (e.g. "ServiceAccount/prod/api"),
# through the by-id index; undefined when the scan does not hold it.
lookup(id) := input.resources[input.by_id[id]]

# runtime_sockets are the container runtime sockets a hostPath may expose:
# whoever reaches one controls every container on the node.
runtime_sockets := {
	"/var/run/docker.sock", "/run/docker.sock",
	"/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
	"/var/run/crio/crio.sock", "/run/crio/crio.sock",
	"/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock",
	"/run/k3s/containerd/containerd.sock", "/run/podman/podman.sock",
}

# exposes_runtime_socket holds when a host path is a runtime socket or a
# directory that contains one (/var/run, /run/containerd, /).
exposes_runtime_socket(path) if _exposes(_clean_host_path(path))

_exposes(p) if p in runtime_sockets

_exposes("/")

_exposes(p) if {
	dir := concat("", [p, "/"])
	some s in runtime_sockets
	startswith(s, dir)
}

_clean_host_path(p) := trimmed if {
	trimmed := trim_right(p, "/")
	trimmed != ""
} else := "/"

# pod_labels returns the labels of the pods of a pod spec: the Pod's own
# labels, or those of the template the spec belongs to.
pod_labels(ps) := _object(object.get(ps.resource.values, ["metadata", "labels"], {})) if {
	ps.resource.type == "Pod"
} else := _object(object.get(ps.resource.values, array.concat(array.slice(ps.path, 0, count(ps.path) - 1), ["metadata", "labels"]), {}))

# selects holds when a label selector (matchLabels and matchExpressions with
# In, NotIn, Exists, DoesNotExist) matches labels. An empty or absent
# selector matches every label set, as for a NetworkPolicy podSelector;
# callers where a missing selector means "nothing" check that first.
selects(selector, labels) if {
	sel := _object(selector)
	every k, v in _object(object.get(sel, "matchLabels", {})) {
		labels[k] == v
	}
	every e in _array(object.get(sel, "matchExpressions", [])) {
		_matches(e, labels)
	}
}

# selects_all holds for a selector that matches every label set: absent,
# empty, or with empty matchLabels and matchExpressions.
selects_all(selector) if {
	sel := _object(selector)
	count(_object(object.get(sel, "matchLabels", {}))) == 0
	count(_array(object.get(sel, "matchExpressions", []))) == 0
}

_matches(e, labels) if {
	e.operator == "In"
	labels[e.key] in _array(object.get(e, "values", []))
}

_matches(e, labels) if {
	e.operator == "NotIn"
	not object.get(labels, e.key, null) in _array(object.get(e, "values", []))
}

_matches(e, labels) if {
	e.operator == "Exists"
	e.key in object.keys(labels)
}

_matches(e, labels) if {
	e.operator == "DoesNotExist"
	not e.key in object.keys(labels)
}

# finding is what a rule's deny set contains: the resource it is about, a
# message naming the attribute and the fact, and the path from the
# resource's values to the offending value (the pod spec's or container's
# path when the fault is an absent value).
finding(r, path, msg) := {"resource": r.id, "message": msg, "path": path}

# dotted renders a path relative to a base path for messages:
# dotted(["spec", "hostNetwork"]) is "spec.hostNetwork".
dotted(path) := concat(".", [sprintf("%v", [p]) | some p in path])

_manifest_namespace(m) := ns if {
	ns := m.metadata.namespace
	is_string(ns)
	ns != ""
} else := "default"

_name(m) := n if {
	n := object.get(m, ["metadata", "name"], "")
	is_string(n)
} else := ""

_array(x) := x if is_array(x)

_array(x) := [] if not is_array(x)

_object(x) := x if is_object(x)

_object(x) := {} if not is_object(x)
