package soc2scan.rules.azure.iam.custom_role_wildcard_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.iam.custom_role_wildcard

role(name, values, refs) := {"id": sprintf("azurerm_role_definition.%s", [name]), "type": "azurerm_role_definition", "values": values, "refs": refs}

everything := [{"actions": ["*"], "not_actions": []}]

test_fail_wildcard_at_subscription if {
	findings := custom_role_wildcard.deny with input as doc([
		{"id": "data.azurerm_subscription.primary", "type": "azurerm_subscription", "mode": "data"},
		role("ref", {"permissions": everything}, {"scope": ["data.azurerm_subscription.primary"]}),
		role("literal", {"scope": "/subscriptions/0000", "permissions": everything}, {}),
	])
	findings == {
		{"resource": "azurerm_role_definition.ref", "message": "azurerm_role_definition.ref grants permissions.actions \"*\" at scope data.azurerm_subscription.primary"},
		{"resource": "azurerm_role_definition.literal", "message": "azurerm_role_definition.literal grants permissions.actions \"*\" at scope \"/subscriptions/0000\""},
	}
}

test_pass_specific_actions_or_resource_group if {
	count(custom_role_wildcard.deny) == 0 with input as doc([
		role("reader", {"scope": "/subscriptions/0000", "permissions": [{"actions": ["Microsoft.Compute/*/read"]}]}, {}),
		role("rg", {"scope": "/subscriptions/0000/resourceGroups/app", "assignable_scopes": ["/subscriptions/0000/resourceGroups/app"], "permissions": everything}, {}),
	])
}

test_unknown_scope_is_not_a_finding if {
	input_doc := doc([object.union(role("r", {"permissions": everything}, {}), {"unknown": {"scope": true}})])
	count(custom_role_wildcard.deny) == 0 with input as input_doc
	custom_role_wildcard.unknown == {{"resource": "azurerm_role_definition.r", "message": "scope is known only after apply"}} with input as input_doc
}
