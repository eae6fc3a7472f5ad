# METADATA
# title: Replicated workloads run at least two replicas
# description: >-
#   Every Deployment, StatefulSet, ReplicaSet and ReplicationController
#   runs at least two replicas: spec.replicas >= 2 (it defaults to 1), or,
#   when a HorizontalPodAutoscaler of the scan targets it, minReplicas >= 2
#   (it defaults to 1). A single replica is down during every rollout,
#   node drain or crash, so the service has no redundancy an availability
#   commitment could rest on. Workloads scaled to 0 on purpose and
#   replicas given by a template placeholder are not judged.
# custom:
#   id: K8S-AVAIL-003
#   severity: medium
#   criteria: [A1.2]
#   resource_types: [Deployment, StatefulSet, ReplicaSet, ReplicationController]
#   remediation: >-
#     Set spec.replicas: 2 or more (or minReplicas: 2 or more on the
#     HorizontalPodAutoscaler that targets the workload) and spread the
#     replicas over nodes and zones with topologySpreadConstraints or pod
#     anti-affinity.
package soc2scan.rules.kubernetes.availability.min_replicas

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some kind in k8s.workload_kinds
	some r in k8s.resources(kind)
	[n, source] := k8s.min_replicas(r)
	n == 1
	finding := {"resource": r.id, "path": path(r, source), "message": sprintf("%s runs a single replica (%s = %v)", [r.id, source, n])}
}

path(r, "spec.replicas") := ["spec", "replicas"] if r.values.spec.replicas

path(r, "spec.replicas") := ["spec"] if not r.values.spec.replicas

path(_, "HorizontalPodAutoscaler minReplicas") := ["spec"]
