package soc2scan.rules.azure.acr.public_access_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.acr.public_access

acr(name, values) := {"id": sprintf("azurerm_container_registry.%s", [name]), "type": "azurerm_container_registry", "values": values}

test_fail_public_and_admin if {
	findings := public_access.deny with input as doc([acr("a", {}), acr("b", {"public_network_access_enabled": false, "admin_enabled": true})])
	findings == {
		{"resource": "azurerm_container_registry.a", "message": "azurerm_container_registry.a has public_network_access_enabled = true (the default) and no network_rule_set denying by default: the registry is reachable from the internet"},
		{"resource": "azurerm_container_registry.b", "message": "azurerm_container_registry.b has admin_enabled = true: a shared admin password grants full access"},
	}
}

test_pass_private_or_firewalled if {
	count(public_access.deny) == 0 with input as doc([
		acr("private", {"public_network_access_enabled": false, "admin_enabled": false}),
		acr("firewalled", {"network_rule_set": [{"default_action": "Deny"}]}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(acr("a", {}), {"unknown": {"public_network_access_enabled": true}})])
	count(public_access.deny) == 0 with input as input_doc
	public_access.unknown == {{"resource": "azurerm_container_registry.a", "message": "public_network_access_enabled is known only after apply"}} with input as input_doc
}
