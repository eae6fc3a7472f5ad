# METADATA
# description: |
#   Helpers for rules over Kubernetes documents (all manifests of a scan in
#   one document): resource lookup through the loader's by-type index, the
#   resource id convention, namespaces, the engine's index of pod specs and
#   containers (with effective securityContexts), label selectors and the
#   finding constructor.
#
#   A finding carries a path: the keys and indices from the resource's values
#   (the manifest) to the offending value, from which the engine finds the
#   line.
package soc2scan.lib.kubernetes

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
resources(kind) := object.get(input.of_type, kind, [])

# namespace returns the namespace of a namespaced resource ("default" when
# its manifest names none); it is undefined for cluster-scoped kinds.
namespace(r) := _manifest_namespace(r.values) if not cluster_scoped(r.type)

# pod_specs lists every pod spec of the document, wherever its kind keeps
# it, as the engine indexes them in input.kubernetes.pod_specs:
#
#	{"resource": index into input.resources, "id": its id, "kind",
#	 "namespace": "default" when the manifest names none,
#	 "path": from the manifest to the spec, "spec": the pod spec,
#	 "labels", "annotations": those of its pods ({} when none),
#	 "windows": whether it runs on Windows nodes, where the Linux
#	 securityContext fields do not apply}
pod_specs := input.kubernetes.pod_specs

# all_containers lists every container of every pod spec (init, regular
# and ephemeral, those that are objects), as the engine indexes them in
# input.kubernetes.containers:
#
#	{"pod": index into pod_specs, "resource", "id", "kind", "namespace",
#	 "list": "initContainers" | "containers" | "ephemeralContainers",
#	 "index", "name": its name or e.g. "containers[0]",
#	 "subject": how messages name it ("Deployment/prod/api container app"),
#	 "path": from the manifest to the container, "container": the object,
#	 "windows": its pod spec's, "security": the effective securityContext
#	 (the container's fields, else the pod's; windowsOptions merged key by
#	 key; no null values), "security_pod": the sorted dotted names of the
#	 effective fields the pod sets ("runAsNonRoot",
#	 "windowsOptions.runAsUserName")}
#
# The engine computes all of this once per document; a rule walks the list,
# tests the fields it judges with direct references (a failing reference
# ends the iteration at once) and calls helpers only to build a finding:
#
#	some c in k8s.all_containers
#	c.security.privileged == true
#	finding := {"resource": c.id, "path": k8s.security_path(c, "privileged"), "message": ...}
#
# A field a container may lack is passed to a function under not through
# object.get: OPA evaluates a reference argument before the negation, so
# not f(c.security.runAsUser) fails when runAsUser is absent.
all_containers := input.kubernetes.containers

# resource returns the resource a pod spec or container record belongs to.
resource(x) := input.resources[x.resource]

# security_path returns the path to an effective securityContext field of
# container c, dotted ("runAsUser", "windowsOptions.hostProcess"): in the
# pod's securityContext when the value comes from the pod, else in the
# container's; the container's own path when neither sets it.
security_path(c, field) := array.concat(array.slice(c.path, 0, count(c.path) - 2), array.concat(["securityContext"], split(field, "."))) if {
	field in c.security_pod
} else := array.concat(array.concat(c.path, ["securityContext"]), p) if {
	p := split(field, ".")
	object.get(c.security, p, null) != null
} else := c.path

# set_on says where an effective securityContext field of container c
# comes from, for messages: " (set on the pod)" when from the pod, else "".
set_on(c, field) := " (set on the pod)" if {
	field in c.security_pod
} else := ""

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

# finding is what a rule's deny set contains: the id of the resource it is
# about, a message naming the attribute and the fact, and the path from the
# resource's values to the offending value (the pod spec's or container's
# path when the fault is an absent value). The built-in rules write this
# object literally: a Rego function call costs more than the rest of a
# finding, and a scan of 10,000 workloads builds tens of thousands.
finding(id, path, msg) := {"resource": id, "message": msg, "path": path}

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

# long_running_kinds are the kinds whose pods run until replaced; Jobs and
# CronJobs run to completion.
long_running_kinds := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"}

# long_running holds for a pod spec record (of pod_specs) whose pods run
# until replaced: of a long-running kind, and not a bare Pod whose
# restartPolicy (Never, OnFailure) makes it a run-to-completion task.
long_running(ps) if {
	ps.kind in long_running_kinds
	not _completes(ps.spec)
}

_completes(spec) if spec.restartPolicy in {"Never", "OnFailure"}

# workload_kinds are the kinds that manage replicated pods through a
# template: what replica counts, PodDisruptionBudgets and autoscalers are
# about.
workload_kinds := {"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"}

# subject_name renders an RBAC subject for messages: "ServiceAccount
# prod/api", "Group ops", "User jane".
subject_name(s) := sprintf("%v %v/%v", [s.kind, s.namespace, s.name]) if {
	s.kind == "ServiceAccount"
	is_string(s.namespace)
} else := sprintf("%v %v", [object.get(s, "kind", "subject"), object.get(s, "name", "")])

# autoscalers maps the id of each workload a HorizontalPodAutoscaler of the
# scan targets ("Deployment/prod/api": scaleTargetRef kind and name, in the
# autoscaler's namespace) to those autoscalers. It is built whole, once:
# looked up with a bound key, a partial rule evaluates its body again for
# every workload.
autoscalers := _autoscalers

_autoscalers[id] contains hpa if {
	some hpa in resources("HorizontalPodAutoscaler")
	ref := hpa.values.spec.scaleTargetRef
	id := concat("/", [ref.kind, namespace(hpa), ref.name])
}

# min_replicas returns the fewest replicas a workload r (of workload_kinds)
# runs with, and what sets it: the lowest minReplicas of its autoscalers
# (1 when unset), else spec.replicas (1 when unset). Undefined when the
# manifest's value is not a number (a template placeholder).
min_replicas(r) := [n, "HorizontalPodAutoscaler minReplicas"] if {
	autoscalers[r.id]
	n := min({object.get(hpa.values, ["spec", "minReplicas"], 1) | some hpa in autoscalers[r.id]})
	is_number(n)
} else := [n, "spec.replicas"] if {
	n := object.get(r.values, ["spec", "replicas"], 1)
	is_number(n)
}

# pod_labels returns the labels of the pods of a workload r (of
# workload_kinds), from its pod template.
pod_labels(r) := labels if {
	labels := r.values.spec.template.metadata.labels
	is_object(labels)
} else := {}

# command_line returns a container's command followed by its args, the
# strings only: the words of the process it starts.
command_line(container) := [w |
	some list in [object.get(container, "command", []), object.get(container, "args", [])]
	is_array(list)
	some w in list
	is_string(w)
]

# has_flag holds when a command line sets a flag, as "--flag=value" or as
# "--flag" followed by its value.
has_flag(words, flag) if flag in words

has_flag(words, flag) if {
	some w in words
	startswith(w, concat("", [flag, "="]))
}

# full_image_name returns an image reference with its registry, as the
# container runtime resolves it: a first path segment without ".", ":" or
# "localhost" is a Docker Hub namespace (nginx is
# docker.io/library/nginx, acme/app is docker.io/acme/app).
full_image_name(image) := image if {
	first := split(image, "/")[0]
	count(split(image, "/")) > 1
	_registry_host(first)
} else := concat("/", ["docker.io/library", image]) if {
	not contains(image, "/")
} else := concat("/", ["docker.io", image])

_registry_host(s) if contains(s, ".")

_registry_host(s) if contains(s, ":")

_registry_host("localhost")
