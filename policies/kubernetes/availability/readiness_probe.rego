# METADATA
# title: Long-running containers define a readiness probe
# description: >-
#   Every container (not init or ephemeral containers) of a Deployment,
#   StatefulSet, DaemonSet, ReplicaSet, ReplicationController, or of a Pod
#   whose restartPolicy is Always, defines readinessProbe. Without one, a Service sends traffic to a container from the moment it starts and keeps sending it while the application cannot serve, and a rollout proceeds over replicas that never became ready: the automatic traffic removal an availability control relies on is missing. Jobs and CronJobs
#   run to completion and are not judged.
# custom:
#   id: K8S-AVAIL-001
#   severity: low
#   criteria: [CC7.2, A1.2]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController]
#   remediation: >-
#     Add readinessProbe (httpGet on a health endpoint, tcpSocket or exec) to every container of Deployments, StatefulSets, DaemonSets and long-running Pods, with a periodSeconds and failureThreshold that match the application's start-up.
package soc2scan.rules.kubernetes.availability.readiness_probe

import data.soc2scan.lib.kubernetes as k8s

# A container with the probe passes at once; the pod spec's kind is looked
# at only for the others.
deny contains finding if {
	some c in k8s.all_containers
	not c.container.readinessProbe
	c.list == "containers"
	k8s.long_running(k8s.pod_specs[c.pod])
	finding := {"resource": c.id, "path": c.path, "message": concat(" ", [c.subject, "defines no readinessProbe"])}
}

deny contains finding if {
	some c in k8s.all_containers
	c.container.readinessProbe == null
	c.list == "containers"
	k8s.long_running(k8s.pod_specs[c.pod])
	finding := {"resource": c.id, "path": array.concat(c.path, ["readinessProbe"]), "message": concat(" ", [c.subject, "defines no readinessProbe (null)"])}
}
