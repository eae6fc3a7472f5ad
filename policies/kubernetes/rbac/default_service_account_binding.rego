# METADATA
# title: No role is bound to default service accounts
# description: >-
#   No RoleBinding or ClusterRoleBinding names a default ServiceAccount, or
#   the system:serviceaccounts groups that contain every service account,
#   as a subject. Every pod that names no service account runs as its
#   namespace's default one, so permissions granted to it reach workloads
#   nobody chose to trust with them, and access reviews cannot tell which
#   workload needs them.
# custom:
#   id: K8S-RBAC-004
#   severity: medium
#   criteria: [CC6.1, CC6.3]
#   resource_types: [RoleBinding, ClusterRoleBinding]
#   remediation: >-
#     Create a dedicated ServiceAccount for the workload that needs the
#     permissions, set it as the pod's serviceAccountName, and bind the role
#     to that account instead of default.
#   rationale: >-
#     No control-map row; this is the least-privilege authorisation of
#     CC6.3 and the logical access restriction of CC6.1, as for the other
#     RBAC binding rows.
package soc2scan.rules.kubernetes.rbac.default_service_account_binding

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some kind in ["RoleBinding", "ClusterRoleBinding"]
	some binding in k8s.resources(kind)
	some i, subject in binding.values.subjects
	fact := shared(subject)
	finding := {"resource": binding.id, "path": ["subjects", i], "message": sprintf("%s binds %s to %s %s", [
		binding.id, role_name(binding.values), k8s.subject_name(subject), fact,
	])}
}

shared(s) := "(used by every pod that names no service account)" if {
	s.kind == "ServiceAccount"
	s.name == "default"
}

shared(s) := "(every service account)" if {
	s.kind == "Group"
	s.name == "system:serviceaccounts"
}

shared(s) := "(every service account of the namespace)" if {
	s.kind == "Group"
	startswith(s.name, "system:serviceaccounts:")
}

role_name(b) := concat(" ", [b.roleRef.kind, b.roleRef.name]) if {
	is_string(b.roleRef.kind)
	is_string(b.roleRef.name)
} else := "a role"
