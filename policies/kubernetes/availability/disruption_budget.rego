# METADATA
# title: Replicated workloads have a PodDisruptionBudget
# description: >-
#   Every Deployment, StatefulSet, ReplicaSet and ReplicationController
#   that runs two or more replicas is selected by a PodDisruptionBudget of
#   its namespace in the scan (its selector matches the pod template's
#   labels) that sets minAvailable or maxUnavailable. Without one, a node
#   drain or cluster upgrade may evict every replica at once, and the
#   redundancy the replicas provide is lost exactly during maintenance.
# custom:
#   id: K8S-AVAIL-004
#   severity: low
#   criteria: [A1.2]
#   resource_types: [Deployment, StatefulSet, ReplicaSet, ReplicationController]
#   remediation: >-
#     Add a PodDisruptionBudget (policy/v1) in the workload's namespace with
#     a selector matching its pod labels and maxUnavailable: 1 (or a
#     minAvailable below the replica count).
package soc2scan.rules.kubernetes.availability.disruption_budget

import data.soc2scan.lib.kubernetes as k8s

# budgets maps each namespace to the selectors of its effective
# PodDisruptionBudgets. A budget without a selector selects no pod; one
# with an empty selector selects every pod of the namespace. It is built
# whole, once: looked up with a bound key, a partial rule evaluates its
# body again for every workload.
budgets := _budgets

_budgets[ns] contains selector if {
	some pdb in k8s.resources("PodDisruptionBudget")
	spec := pdb.values.spec
	limits(spec)
	selector := spec.selector
	is_object(selector)
	ns := k8s.namespace(pdb)
}

limits(spec) if spec.minAvailable != null

limits(spec) if spec.maxUnavailable != null

deny contains finding if {
	some kind in k8s.workload_kinds
	some r in k8s.resources(kind)
	[n, _] := k8s.min_replicas(r)
	n >= 2
	ns := k8s.namespace(r)
	labels := k8s.pod_labels(r)
	not covered(ns, labels)
	finding := {"resource": r.id, "path": ["spec"], "message": sprintf("%s runs %v replicas and no PodDisruptionBudget of namespace %s selects its pods", [r.id, n, ns])}
}

covered(ns, labels) if {
	some selector in budgets[ns]
	k8s.selects(selector, labels)
}
