package soc2scan.rules.azure.keyvault.key_rotation_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.keyvault.key_rotation

key(name, values) := {"id": sprintf("azurerm_key_vault_key.%s", [name]), "type": "azurerm_key_vault_key", "values": values}

test_fail_no_rotation if {
	findings := key_rotation.deny with input as doc([
		key("none", {}),
		key("manual", {"rotation_policy": [{"expire_after": "P1Y"}]}),
	])
	findings == {
		{"resource": "azurerm_key_vault_key.none", "message": "azurerm_key_vault_key.none has no rotation_policy with an automatic block: the key is never rotated"},
		{"resource": "azurerm_key_vault_key.manual", "message": "azurerm_key_vault_key.manual has no rotation_policy with an automatic block: the key is never rotated"},
	}
}

test_pass_automatic if {
	count(key_rotation.deny) == 0 with input as doc([key("k", {"rotation_policy": [{"automatic": [{"time_before_expiry": "P30D"}]}]})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(key("k", {}), {"unknown": {"rotation_policy": true}})])
	count(key_rotation.deny) == 0 with input as input_doc
	key_rotation.unknown == {{"resource": "azurerm_key_vault_key.k", "message": "rotation_policy is known only after apply"}} with input as input_doc
}
