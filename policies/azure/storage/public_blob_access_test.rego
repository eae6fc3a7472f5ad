package soc2scan.rules.azure.storage.public_blob_access_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.storage.public_blob_access

account(name, values) := {"id": sprintf("azurerm_storage_account.%s", [name]), "type": "azurerm_storage_account", "values": values}

container(name, level, account) := {
	"id": sprintf("azurerm_storage_container.%s", [name]),
	"type": "azurerm_storage_container",
	"values": {"container_access_type": level},
	"refs": {"storage_account_name": [account]},
}

test_fail_account_allows_public if {
	findings := public_blob_access.deny with input as doc([
		account("v3", {"allow_nested_items_to_be_public": true}),
		account("default", {}),
	])
	findings == {
		{"resource": "azurerm_storage_account.v3", "message": "azurerm_storage_account.v3 has allow_nested_items_to_be_public = true: its containers may be made public"},
		{"resource": "azurerm_storage_account.default", "message": "azurerm_storage_account.default does not set allow_nested_items_to_be_public; the provider default true lets its containers be made public"},
	}
}

test_fail_public_container if {
	findings := public_blob_access.deny with input as doc([container("c", "blob", "azurerm_storage_account.elsewhere")])
	findings == {{"resource": "azurerm_storage_container.c", "message": "azurerm_storage_container.c has container_access_type = \"blob\": anyone can read its blobs anonymously"}}
}

test_pass_private if {
	count(public_blob_access.deny) == 0 with input as doc([
		account("a", {"allow_nested_items_to_be_public": false}),
		account("old", {"allow_blob_public_access": false}),
		container("private", "private", "azurerm_storage_account.a"),
		container("overridden", "container", "azurerm_storage_account.a"),
		{"id": "azurerm_storage_container.default", "type": "azurerm_storage_container"},
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(account("a", {}), {"unknown": {"allow_nested_items_to_be_public": true}})])
	count(public_blob_access.deny) == 0 with input as input_doc
	public_blob_access.unknown == {{"resource": "azurerm_storage_account.a", "message": "allow_nested_items_to_be_public is known only after apply"}} with input as input_doc
}
