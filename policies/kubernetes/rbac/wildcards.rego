# METADATA
# title: RBAC roles do not grant wildcards
# description: >-
#   No Role or ClusterRole rule uses "*" in verbs, resources or apiGroups.
#   A wildcard grants every current and future permission of its kind,
#   including secrets access and escalation verbs, so the role's rights can
#   no longer be reviewed for least privilege.
# custom:
#   id: K8S-RBAC-001
#   severity: high
#   criteria: [CC1.3, CC6.1, CC6.3]
#   resource_types: [Role, ClusterRole]
#   remediation: >-
#     List the apiGroups, resources and verbs the subject needs explicitly
#     (e.g. verbs: [get, list, watch] on resources: [configmaps]); bind the
#     built-in cluster-admin role to a break-glass group where full access
#     is truly required.
package soc2scan.rules.kubernetes.rbac.wildcards

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some kind in ["Role", "ClusterRole"]
	some role in k8s.resources(kind)
	some i, rule in object.get(role.values, "rules", [])
	some field in ["apiGroups", "resources", "verbs"]
	"*" in object.get(rule, field, [])
	finding := {"resource": role.id, "path": ["rules", i, field], "message": sprintf("%s rules[%d] grants \"*\" in %s", [role.id, i, field])}
}
