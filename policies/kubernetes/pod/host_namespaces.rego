# METADATA
# title: Pods do not share host namespaces or ports
# description: >-
#   No pod sets hostNetwork, hostPID or hostIPC to true, and no container or
#   init container binds a hostPort. Sharing the node's network, process or
#   IPC namespace lets a container see and reach the node's processes and
#   traffic, bypassing NetworkPolicies; a hostPort exposes the pod on the
#   node's address outside any Service an auditor would review.
# custom:
#   id: K8S-POD-004
#   severity: high
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them
#     to false) and remove ports[].hostPort; expose the pod through a
#     Service instead.
package soc2scan.rules.kubernetes.pod.host_namespaces

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some ps in k8s.pod_specs
	some attr in ["hostNetwork", "hostPID", "hostIPC"]
	ps.spec[attr] == true
	finding := {"resource": ps.id, "path": array.concat(ps.path, [attr]), "message": concat(" ", [ps.id, "sets", attr, "= true"])}
}

# Ephemeral containers cannot declare ports. Only a container with a port
# that names a hostPort is looked at further.
deny contains finding if {
	some c in k8s.all_containers
	c.container.ports[_].hostPort != null
	c.list != "ephemeralContainers"
	finding := host_ports(c)
}

host_ports(c) := {"resource": c.id, "path": path, "message": concat(" ", [c.subject, "binds hostPort", ports])} if {
	indices := [i | some i, port in object.get(c.container, "ports", []); host_port(port)]
	count(indices) > 0
	ports := concat(", ", [sprintf("%v", [c.container.ports[i].hostPort]) | some i in indices])
	path := array.concat(c.path, ["ports", indices[0], "hostPort"])
}

host_port(port) if {
	p := object.get(port, "hostPort", null)
	p != null
	p != 0
}
