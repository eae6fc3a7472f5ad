# METADATA
# title: Long-running containers define a liveness probe
# description: >-
#   Every container (not init or ephemeral containers) of a Deployment,
#   StatefulSet, DaemonSet, ReplicaSet, ReplicationController, or of a Pod
#   whose restartPolicy is Always, defines livenessProbe. Without one, a container whose process hangs without exiting is never restarted: the automatic recovery an availability control relies on is missing. Jobs and CronJobs
#   run to completion and are not judged.
# custom:
#   id: K8S-AVAIL-002
#   severity: low
#   criteria: [CC7.2, A1.2]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController]
#   remediation: >-
#     Add livenessProbe (httpGet on a health endpoint, tcpSocket or exec) to every container of Deployments, StatefulSets, DaemonSets and long-running Pods, with an initialDelaySeconds (or a startupProbe) that covers the application's start-up.
package soc2scan.rules.kubernetes.availability.liveness_probe

import data.soc2scan.lib.kubernetes as k8s

# A container with the probe passes at once; the pod spec's kind is looked
# at only for the others.
deny contains finding if {
	some c in k8s.all_containers
	not c.container.livenessProbe
	c.list == "containers"
	k8s.long_running(k8s.pod_specs[c.pod])
	finding := {"resource": c.id, "path": c.path, "message": concat(" ", [c.subject, "defines no livenessProbe"])}
}

deny contains finding if {
	some c in k8s.all_containers
	c.container.livenessProbe == null
	c.list == "containers"
	k8s.long_running(k8s.pod_specs[c.pod])
	finding := {"resource": c.id, "path": array.concat(c.path, ["livenessProbe"]), "message": concat(" ", [c.subject, "defines no livenessProbe (null)"])}
}
