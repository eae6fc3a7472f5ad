package soc2scan.rules.azure.storage.soft_delete_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.storage.soft_delete

account(name, values) := {"id": sprintf("azurerm_storage_account.%s", [name]), "type": "azurerm_storage_account", "values": values}

test_fail_no_blob_properties if {
	findings := soft_delete.deny with input as doc([account("a", {})])
	findings == {
		{"resource": "azurerm_storage_account.a", "message": "azurerm_storage_account.a blob_properties.delete_retention_policy is not set: deleted data cannot be recovered"},
		{"resource": "azurerm_storage_account.a", "message": "azurerm_storage_account.a blob_properties.container_delete_retention_policy is not set: deleted data cannot be recovered"},
	}
}

test_fail_only_blobs if {
	findings := soft_delete.deny with input as doc([account("a", {"blob_properties": [{"delete_retention_policy": [{"days": 7}]}]})])
	findings == {{"resource": "azurerm_storage_account.a", "message": "azurerm_storage_account.a blob_properties.container_delete_retention_policy is not set: deleted data cannot be recovered"}}
}

test_pass_both_policies if {
	count(soft_delete.deny) == 0 with input as doc([
		account("a", {"blob_properties": [{"delete_retention_policy": [{"days": 14}], "container_delete_retention_policy": [{}]}]}),
		account("files", {"account_kind": "FileStorage"}),
	])
}

test_unknown_blob_properties_is_not_a_finding if {
	input_doc := doc([object.union(account("a", {}), {"unknown": {"blob_properties": true}})])
	count(soft_delete.deny) == 0 with input as input_doc
	soft_delete.unknown == {{"resource": "azurerm_storage_account.a", "message": "blob_properties is known only after apply"}} with input as input_doc
}
