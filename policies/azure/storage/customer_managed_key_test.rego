package soc2scan.rules.azure.storage.customer_managed_key_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.storage.customer_managed_key

account(name, values) := {"id": sprintf("azurerm_storage_account.%s", [name]), "type": "azurerm_storage_account", "values": values}

test_fail_platform_keys if {
	findings := customer_managed_key.deny with input as doc([account("a", {})])
	findings == {{"resource": "azurerm_storage_account.a", "message": "azurerm_storage_account.a has no customer_managed_key: its data is encrypted with Microsoft-managed keys only"}}
}

test_pass_inline_or_separate if {
	count(customer_managed_key.deny) == 0 with input as doc([
		account("inline", {"customer_managed_key": [{"key_vault_key_id": "k"}]}),
		account("separate", {}),
		{
			"id": "azurerm_storage_account_customer_managed_key.k",
			"type": "azurerm_storage_account_customer_managed_key",
			"refs": {"storage_account_id": ["azurerm_storage_account.separate"]},
		},
	])
}

test_unknown_block_is_not_a_finding if {
	input_doc := doc([object.union(account("a", {}), {"unknown": {"customer_managed_key": true}})])
	count(customer_managed_key.deny) == 0 with input as input_doc
	customer_managed_key.unknown == {{"resource": "azurerm_storage_account.a", "message": "customer_managed_key is known only after apply"}} with input as input_doc
}
