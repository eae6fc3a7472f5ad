package soc2scan.rules.azure.storage.secure_transfer_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.storage.secure_transfer

account(name, values) := {"id": sprintf("azurerm_storage_account.%s", [name]), "type": "azurerm_storage_account", "values": values}

test_fail_http_allowed if {
	findings := secure_transfer.deny with input as doc([
		account("v3", {"enable_https_traffic_only": false}),
		account("v4", {"https_traffic_only_enabled": false}),
	])
	findings == {
		{"resource": "azurerm_storage_account.v3", "message": "azurerm_storage_account.v3 has enable_https_traffic_only = false: the account accepts plain HTTP requests"},
		{"resource": "azurerm_storage_account.v4", "message": "azurerm_storage_account.v4 has https_traffic_only_enabled = false: the account accepts plain HTTP requests"},
	}
}

test_fail_old_tls if {
	findings := secure_transfer.deny with input as doc([account("old", {"min_tls_version": "TLS1_1"})])
	findings == {{"resource": "azurerm_storage_account.old", "message": "azurerm_storage_account.old has min_tls_version = TLS1_1, below TLS1_2"}}
}

test_pass_defaults_and_explicit if {
	count(secure_transfer.deny) == 0 with input as doc([
		account("defaults", {}),
		account("explicit", {"https_traffic_only_enabled": true, "min_tls_version": "TLS1_2"}),
		account("hcl", {"enable_https_traffic_only": "true", "min_tls_version": "TLS1_3"}),
	])
}

test_unknown_min_tls_is_not_a_finding if {
	input_doc := doc([object.union(account("a", {}), {"unknown": {"min_tls_version": true}})])
	count(secure_transfer.deny) == 0 with input as input_doc
	secure_transfer.unknown == {{"resource": "azurerm_storage_account.a", "message": "min_tls_version is known only after apply"}} with input as input_doc
}
