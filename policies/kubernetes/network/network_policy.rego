# METADATA
# title: Workloads are selected by a NetworkPolicy
# description: >-
#   Every workload's pods are selected, for ingress, by a NetworkPolicy of
#   their namespace among the scanned manifests (podSelector matching the
#   pod labels; policyTypes absent or including Ingress). Pods no policy
#   selects accept traffic from every pod in the cluster, so a compromise
#   anywhere reaches them. Pods on the host network are not judged:
#   NetworkPolicies do not apply to them (K8S-POD-004 reports them).
# custom:
#   id: K8S-NET-001
#   severity: medium
#   criteria: [CC6.1, CC6.6, CC7.2]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Add to the namespace a default-deny NetworkPolicy (podSelector: {},
#     policyTypes: [Ingress, Egress]) and policies allowing the traffic each
#     workload needs, and keep them in the same repository as the workloads.
package soc2scan.rules.kubernetes.network.network_policy

import data.soc2scan.lib.kubernetes as k8s

# ingress_policies maps each namespace to the pod selectors of its
# NetworkPolicies that govern ingress. It is built whole, once: looked up
# with a bound key, a partial rule evaluates its body again for every pod
# spec.
ingress_policies := _ingress_policies

_ingress_policies[ns] contains selector if {
	some np in k8s.resources("NetworkPolicy")
	ns := k8s.namespace(np)
	governs_ingress(np)
	selector := object.get(np.values, ["spec", "podSelector"], {})
}

# The API server defaults policyTypes when it is absent or empty to
# Ingress (plus Egress when the policy has egress rules): an empty list
# governs ingress like an absent one.
governs_ingress(np) if {
	types := object.get(np.values, ["spec", "policyTypes"], null)
	not is_array(types)
}

governs_ingress(np) if count(np.values.spec.policyTypes) == 0

governs_ingress(np) if "Ingress" in object.get(np.values, ["spec", "policyTypes"], null)

# Namespaces where a policy selects every pod need no look at pod labels.
deny contains finding if {
	some ps in k8s.pod_specs
	not ps.spec.hostNetwork == true
	ns := ps.namespace
	not all_selected[ns]
	not selected(ns, ps.labels)
	finding := {"resource": ps.id, "path": ps.path, "message": concat("", [ps.id, ": no NetworkPolicy in namespace ", ns, " selects its pods for ingress"])}
}

all_selected := {ns |
	some ns, selectors in ingress_policies
	some selector in selectors
	k8s.selects_all(selector)
}

selected(ns, labels) if {
	some selector in ingress_policies[ns]
	k8s.selects(selector, labels)
}
