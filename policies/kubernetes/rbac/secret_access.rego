# METADATA
# title: Roles do not grant read access to all Secrets
# description: >-
#   No Role or ClusterRole rule lets its subjects get, list or watch
#   Secrets (resource "secrets" or "*" in the core API group) without
#   naming them in resourceNames. Read access to every Secret of a
#   namespace, or of the cluster for a ClusterRole, hands out every
#   credential, token and key kept there; access is limited to the named
#   Secrets a designated subject needs. Kubernetes' own roles (names
#   starting with "system:") are not judged.
# custom:
#   id: K8S-RBAC-003
#   severity: high
#   criteria: [CC6.1, CC6.6, CC6.7]
#   resource_types: [Role, ClusterRole]
#   remediation: >-
#     Remove get, list and watch on secrets from the rule, or list the
#     Secrets the subject needs under resourceNames (with get only);
#     mount Secrets into the pods that use them instead of reading them
#     through the API.
package soc2scan.rules.kubernetes.rbac.secret_access

import data.soc2scan.lib.kubernetes as k8s

read_verbs := {"get", "list", "watch", "*"}

deny contains finding if {
	some kind in ["Role", "ClusterRole"]
	some role in k8s.resources(kind)
	not startswith(role.values.metadata.name, "system:")
	some i, rule in role.values.rules
	some resource in object.get(rule, "resources", [])
	resource in {"secrets", "*"}
	some group in object.get(rule, "apiGroups", [])
	group in {"", "*"}
	verbs := [v | some v in object.get(rule, "verbs", []); v in read_verbs]
	count(verbs) > 0
	count(object.get(rule, "resourceNames", [])) == 0
	finding := {"resource": role.id, "path": ["rules", i, "resources"], "message": sprintf(
		"%s rules[%d] grants %s on %s (all Secrets%s)",
		[role.id, i, concat(", ", verbs), resource, scope(kind)],
	)}
}

scope("Role") := " of its namespace"

scope("ClusterRole") := " of the cluster"
