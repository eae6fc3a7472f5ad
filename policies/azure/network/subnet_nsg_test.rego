package soc2scan.rules.azure.network.subnet_nsg_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.network.subnet_nsg

subnet(name) := {"id": sprintf("azurerm_subnet.%s", [name]), "type": "azurerm_subnet", "values": {"name": name}}

test_fail_unassociated if {
	findings := subnet_nsg.deny with input as doc([
		subnet("app"),
		{"id": "azurerm_virtual_network.v", "type": "azurerm_virtual_network", "values": {"subnet": [{"name": "db"}]}},
	])
	findings == {
		{"resource": "azurerm_subnet.app", "message": "azurerm_subnet.app has no network security group association: its traffic is not filtered"},
		{"resource": "azurerm_virtual_network.v", "message": "azurerm_virtual_network.v subnet \"db\" has no security_group: its traffic is not filtered"},
	}
}

test_pass_associated_or_exempt if {
	count(subnet_nsg.deny) == 0 with input as doc([
		subnet("app"),
		subnet("GatewaySubnet"),
		{
			"id": "azurerm_subnet_network_security_group_association.app",
			"type": "azurerm_subnet_network_security_group_association",
			"refs": {"subnet_id": ["azurerm_subnet.app"]},
		},
		{"id": "azurerm_virtual_network.v", "type": "azurerm_virtual_network", "values": {"subnet": [{"name": "db"}]}, "unknown": {"subnet": [{"security_group": true}]}},
	])
}

test_unknown_name_is_not_a_finding if {
	input_doc := doc([{"id": "azurerm_subnet.s", "type": "azurerm_subnet", "unknown": {"name": true}}])
	count(subnet_nsg.deny) == 0 with input as input_doc
	subnet_nsg.unknown == {{"resource": "azurerm_subnet.s", "message": "name is known only after apply"}} with input as input_doc
}
