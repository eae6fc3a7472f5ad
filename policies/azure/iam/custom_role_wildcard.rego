# METADATA
# title: Custom roles do not grant every action at subscription scope
# description: >-
#   No azurerm_role_definition whose scope or assignable_scopes include a
#   subscription, a management group or the root ("/") lists "*" in
#   permissions.actions. Such a custom role is an unreviewed equivalent of
#   Owner: whoever holds it can change anything, including access itself,
#   defeating least privilege.
# custom:
#   id: AZ-IAM-001
#   severity: high
#   criteria: [CC6.3]
#   resource_types: [azurerm_role_definition]
#   remediation: >-
#     List the specific actions the role needs in permissions.actions (e.g.
#     "Microsoft.Compute/virtualMachines/read"), or assign a built-in role,
#     and limit assignable_scopes to the resource groups concerned.
package soc2scan.rules.azure.iam.custom_role_wildcard

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

roles := tf.resources("azurerm_role_definition")

deny contains finding if {
	some role in roles
	wildcard(role)
	scope := broad_scope(role)
	finding := {"resource": role.id, "message": sprintf("%s grants permissions.actions \"*\" at %s", [role.id, scope])}
}

wildcard(role) if {
	some p in tf.blocks(role, "permissions")
	"*" in object.get(p, "actions", [])
}

# broad_scope describes the first subscription, management group or root
# scope the role is defined at or assignable to.
broad_scope(role) := [d | some attr in ["scope", "assignable_scopes"]; some d in scopes(role, attr)][0]

scopes(role, attr) := array.concat(
	[sprintf("%s %q", [attr, s]) | some s in azure.strings(tf.value(role, attr)); broad_literal(s)],
	[sprintf("%s %s", [attr, t.id]) | some t in tf.refers_to(role, attr); t.type in {"azurerm_subscription", "azurerm_management_group"}],
)

broad_literal("/")

broad_literal(s) if regex.match(`^/subscriptions/[^/]+/?$`, s)

broad_literal(s) if regex.match(`(?i)^/providers/Microsoft\.Management/managementGroups/[^/]+/?$`, s)

unknown contains tf.undetermined(role, attr) if {
	some role in roles
	wildcard(role)
	not broad_scope(role)
	some attr in ["scope", "assignable_scopes"]
	tf.contains_unknown(role, attr)
	count(tf.refers_to(role, attr)) == 0
}
