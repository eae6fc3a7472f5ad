package soc2scan.rules.azure.keyvault.recoverable_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.keyvault.recoverable

kv(name, values) := {"id": sprintf("azurerm_key_vault.%s", [name]), "type": "azurerm_key_vault", "values": values}

test_fail_no_purge_protection if {
	findings := recoverable.deny with input as doc([
		kv("a", {}),
		kv("b", {"purge_protection_enabled": false, "soft_delete_enabled": false}),
	])
	findings == {
		{"resource": "azurerm_key_vault.a", "message": "azurerm_key_vault.a does not set purge_protection_enabled; the default false lets deleted keys and secrets be purged at once"},
		{"resource": "azurerm_key_vault.b", "message": "azurerm_key_vault.b has purge_protection_enabled = false: deleted keys and secrets can be purged at once"},
		{"resource": "azurerm_key_vault.b", "message": "azurerm_key_vault.b has soft_delete_enabled = false: deleted keys and secrets cannot be recovered"},
	}
}

test_pass_protected if {
	count(recoverable.deny) == 0 with input as doc([kv("a", {"purge_protection_enabled": true, "soft_delete_retention_days": 90})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(kv("a", {}), {"unknown": {"purge_protection_enabled": true}})])
	count(recoverable.deny) == 0 with input as input_doc
	recoverable.unknown == {{"resource": "azurerm_key_vault.a", "message": "purge_protection_enabled is known only after apply"}} with input as input_doc
}
