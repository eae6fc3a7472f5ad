# METADATA
# title: cluster-admin is bound only to system subjects
# description: >-
#   No ClusterRoleBinding or RoleBinding grants the cluster-admin
#   ClusterRole, or a ClusterRole of the scan that is its equivalent ("*"
#   verbs on "*" resources in "*" apiGroups), to a subject other than
#   Kubernetes' own (names starting with "system:", such as the
#   system:masters group). cluster-admin can read every Secret and change
#   every object, RBAC included: whoever holds it bypasses every other
#   access control, so it is kept to break-glass identities an auditor
#   can enumerate.
# custom:
#   id: K8S-RBAC-002
#   severity: high
#   criteria: [CC6.1, CC6.2, CC6.3, CC6.7, CC6.8]
#   resource_types: [ClusterRoleBinding, RoleBinding]
#   remediation: >-
#     Bind a role listing only the permissions the subject needs; keep
#     cluster-admin for a break-glass group whose membership is reviewed,
#     and record that binding with a waiver naming the group and owner.
package soc2scan.rules.kubernetes.rbac.cluster_admin_binding

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some kind in ["ClusterRoleBinding", "RoleBinding"]
	some binding in k8s.resources(kind)
	ref := binding.values.roleRef
	ref.kind == "ClusterRole"
	admin_role(ref.name)
	subjects := [s | some s in object.get(binding.values, "subjects", []); not system_subject(s)]
	count(subjects) > 0
	finding := {"resource": binding.id, "path": ["roleRef", "name"], "message": sprintf(
		"%s binds ClusterRole %s%s to %s",
		[binding.id, ref.name, equivalent(ref.name), concat(", ", [k8s.subject_name(s) | some s in subjects])],
	)}
}

admin_role("cluster-admin")

admin_role(name) if {
	some role in k8s.resources("ClusterRole")
	role.values.metadata.name == name
	some rule in role.values.rules
	every field in ["apiGroups", "resources", "verbs"] {
		"*" in object.get(rule, field, [])
	}
}

equivalent("cluster-admin") := ""

equivalent(name) := " (every verb on every resource, as cluster-admin)" if name != "cluster-admin"

# Kubernetes' own users and groups (system:masters, system:nodes ...) are
# managed by the control plane, not granted by teams.
system_subject(s) if startswith(s.name, "system:")
