# METADATA
# title: Containers set CPU and memory requests and limits
# description: >-
#   Every container and init container sets resources.requests and
#   resources.limits for cpu and memory, itself or through the defaults of a
#   LimitRange of its namespace in the scan (a request left unset defaults
#   to the limit). Without them one workload can starve its neighbours or
#   the node, and capacity cannot be planned or protected. Ephemeral
#   containers cannot set resources and are not judged.
# custom:
#   id: K8S-POD-008
#   severity: medium
#   criteria: [CC6.8, CC8.1, A1.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Set resources.requests.cpu, resources.requests.memory,
#     resources.limits.cpu and resources.limits.memory on every container,
#     or give the namespace a LimitRange with default and defaultRequest for
#     type Container.
package soc2scan.rules.kubernetes.pod.resources

import data.soc2scan.lib.kubernetes as k8s

# Ephemeral containers cannot set resources. A container that sets both
# limits satisfies every request too and needs no further look.
deny contains finding if {
	some c in k8s.all_containers
	c.list != "ephemeralContainers"
	not limited(c.container)
	defaults := object.get(namespace_defaults, c.namespace, {})
	missing := [concat(".", ["resources", kind, res]) |
		some kind in ["requests", "limits"]
		some res in ["cpu", "memory"]
		not satisfied(c.container, defaults, kind, res)
	]
	count(missing) > 0
	finding := {"resource": c.id, "path": path(c), "message": concat(" ", [c.subject, "does not set", concat(", ", missing)])}
}

limited(container) if {
	limits := container.resources.limits
	limits.cpu != null
	limits.cpu != ""
	limits.memory != null
	limits.memory != ""
}

satisfied(container, _, kind, res) if set(object.get(container, ["resources", kind, res], null))

# A request left unset defaults to the limit.
satisfied(container, _, "requests", res) if set(object.get(container, ["resources", "limits", res], null))

satisfied(_, defaults, kind, res) if set(object.get(defaults, [kind, res], null))

set(q) if {
	q != null
	q != ""
}

# namespace_defaults maps each namespace with a LimitRange in the scan to
# what its LimitRanges give a container that sets nothing: {"limits":
# default, "requests": defaultRequest, or default where it has none}.
namespace_defaults[ns] := {
	"limits": object.union_n([object.get(l, "default", {}) | some l in limits]),
	"requests": object.union_n([object.union(object.get(l, "default", {}), object.get(l, "defaultRequest", {})) | some l in limits]),
} if {
	some ns in {k8s.namespace(lr) | some lr in k8s.resources("LimitRange")}
	limits := [l |
		some lr in k8s.resources("LimitRange")
		k8s.namespace(lr) == ns
		some l in object.get(lr.values, ["spec", "limits"], [])
		object.get(l, "type", "") == "Container"
	]
}

path(c) := array.concat(c.path, ["resources"]) if is_object(object.get(c.container, "resources", null))

path(c) := c.path if not is_object(object.get(c.container, "resources", null))
