package soc2scan.rules.azure.defender.plans_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.defender.plans

pricing(name, values) := {"id": sprintf("azurerm_security_center_subscription_pricing.%s", [name]), "type": "azurerm_security_center_subscription_pricing", "values": values}

test_fail_free_tier if {
	findings := plans.deny with input as doc([pricing("sql", {"tier": "Free", "resource_type_name": "SqlServers"}), pricing("vm", {"tier": "Free"})])
	findings == {
		{"resource": "azurerm_security_center_subscription_pricing.sql", "message": "azurerm_security_center_subscription_pricing.sql has tier = \"Free\" for SqlServers: Defender threat detection is off for it"},
		{"resource": "azurerm_security_center_subscription_pricing.vm", "message": "azurerm_security_center_subscription_pricing.vm has tier = \"Free\" for VirtualMachines (the default resource_type_name): Defender threat detection is off for it"},
	}
}

test_pass_standard if {
	count(plans.deny) == 0 with input as doc([pricing("a", {"tier": "Standard", "resource_type_name": "StorageAccounts"})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(pricing("a", {}), {"unknown": {"tier": true}})])
	count(plans.deny) == 0 with input as input_doc
	plans.unknown == {{"resource": "azurerm_security_center_subscription_pricing.a", "message": "tier is known only after apply"}} with input as input_doc
}
