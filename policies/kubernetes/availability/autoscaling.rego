# METADATA
# title: Replicated workloads scale with a HorizontalPodAutoscaler
# description: >-
#   Every Deployment and StatefulSet is the target of a
#   HorizontalPodAutoscaler of the scan, and every HorizontalPodAutoscaler
#   lets the replica count grow: maxReplicas above minReplicas (1 when
#   unset). Without autoscaling, capacity is fixed at what was deployed
#   and a rise in demand degrades the service until someone reacts; an
#   autoscaler whose maximum equals its minimum adds nothing.
# custom:
#   id: K8S-AVAIL-005
#   severity: low
#   criteria: [A1.1]
#   resource_types: [Deployment, StatefulSet, HorizontalPodAutoscaler]
#   remediation: >-
#     Add a HorizontalPodAutoscaler (autoscaling/v2) whose scaleTargetRef
#     names the workload, with minReplicas of at least 2, a maxReplicas
#     above it sized to the capacity plan, and a CPU or custom metric
#     target.
package soc2scan.rules.kubernetes.availability.autoscaling

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some kind in ["Deployment", "StatefulSet"]
	some r in k8s.resources(kind)
	not k8s.autoscalers[r.id]
	not r.values.spec.replicas == 0
	finding := {"resource": r.id, "path": ["spec"], "message": sprintf("%s is the target of no HorizontalPodAutoscaler", [r.id])}
}

deny contains finding if {
	some hpa in k8s.resources("HorizontalPodAutoscaler")
	max := hpa.values.spec.maxReplicas
	is_number(max)
	min_replicas := object.get(hpa.values, ["spec", "minReplicas"], 1)
	is_number(min_replicas)
	max <= min_replicas
	finding := {"resource": hpa.id, "path": ["spec", "maxReplicas"], "message": sprintf("%s cannot scale out: maxReplicas = %v, minReplicas = %v", [hpa.id, max, min_replicas])}
}
