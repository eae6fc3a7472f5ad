# METADATA
# title: Workloads are not deployed into the default namespace
# description: >-
#   No workload, Service, ConfigMap or Secret names metadata.namespace:
#   default. The default namespace is shared by everything deployed without
#   a namespace: its NetworkPolicies, quotas, RBAC and Pod Security labels
#   are rarely set, so workloads there escape the per-team isolation the
#   access and change controls are built on. A manifest that names no
#   namespace is not judged: the deploy tool (kubectl -n, kustomize,
#   Helm) chooses it.
# custom:
#   id: K8S-POD-011
#   severity: low
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision, Service, ConfigMap, Secret]
#   remediation: >-
#     Deploy into a dedicated namespace per application or team, with its
#     own NetworkPolicies, ResourceQuota, RBAC and Pod Security labels; set
#     metadata.namespace to it (or leave it to the deploy tool).
package soc2scan.rules.kubernetes.pod.default_namespace

import data.soc2scan.lib.kubernetes as k8s

kinds := ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController", "Service", "ConfigMap", "Secret"]

deny contains finding if {
	some kind in kinds
	some r in k8s.resources(kind)
	r.values.metadata.namespace == "default"
	not r.id == "Service/default/kubernetes"
	finding := {"resource": r.id, "path": ["metadata", "namespace"], "message": sprintf("%s is deployed into the default namespace (metadata.namespace = default)", [r.id])}
}
