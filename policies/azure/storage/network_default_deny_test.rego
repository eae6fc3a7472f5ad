package soc2scan.rules.azure.storage.network_default_deny_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.storage.network_default_deny

account(name, values) := {"id": sprintf("azurerm_storage_account.%s", [name]), "type": "azurerm_storage_account", "values": values}

rules(name, account, values) := {
	"id": sprintf("azurerm_storage_account_network_rules.%s", [name]),
	"type": "azurerm_storage_account_network_rules",
	"values": values,
	"refs": {"storage_account_id": [account]},
}

test_fail_no_rules_and_allow if {
	findings := network_default_deny.deny with input as doc([
		account("none", {}),
		account("allow", {"network_rules": [{"default_action": "Allow"}]}),
	])
	findings == {
		{"resource": "azurerm_storage_account.none", "message": "azurerm_storage_account.none has no network_rules: the account accepts connections from every network"},
		{"resource": "azurerm_storage_account.allow", "message": "azurerm_storage_account.allow network_rules has default_action = \"Allow\": traffic from unlisted networks is allowed"},
	}
}

test_fail_internet_ip_rule if {
	findings := network_default_deny.deny with input as doc([
		account("a", {}),
		rules("r", "azurerm_storage_account.a", {"default_action": "Deny", "ip_rules": ["0.0.0.0/0"]}),
	])
	findings == {{"resource": "azurerm_storage_account_network_rules.r", "message": "azurerm_storage_account_network_rules.r allows ip_rules \"0.0.0.0/0\", the whole internet"}}
}

test_pass_deny_or_private if {
	count(network_default_deny.deny) == 0 with input as doc([
		account("inline", {"network_rules": [{"default_action": "Deny", "ip_rules": ["100.0.0.1"]}]}),
		account("private", {"public_network_access_enabled": false}),
		account("separate", {}),
		rules("r", "azurerm_storage_account.separate", {"default_action": "Deny", "bypass": ["AzureServices"]}),
	])
}

test_unknown_network_rules_is_not_a_finding if {
	input_doc := doc([object.union(account("a", {}), {"unknown": {"network_rules": true}})])
	count(network_default_deny.deny) == 0 with input as input_doc
	network_default_deny.unknown == {{"resource": "azurerm_storage_account.a", "message": "network_rules is known only after apply"}} with input as input_doc
}
