package soc2scan.rules.azure.network.broad_ingress_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.network.broad_ingress

rule(name, values) := {
	"id": sprintf("azurerm_network_security_rule.%s", [name]),
	"type": "azurerm_network_security_rule",
	"values": object.union({"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*"}, values),
}

test_fail_udp_and_all_ports if {
	findings := broad_ingress.deny with input as doc([
		rule("udp", {"protocol": "Udp", "destination_port_range": "2000-5000"}),
		rule("all", {"protocol": "*", "destination_port_range": "*", "source_address_prefix": "Internet"}),
	])
	findings == {
		{"resource": "azurerm_network_security_rule.udp", "message": "azurerm_network_security_rule.udp allows UDP ports 2000-5000 from the internet (*)"},
		{"resource": "azurerm_network_security_rule.all", "message": "azurerm_network_security_rule.all allows every port (protocol \"*\") from the internet (Internet)"},
	}
}

test_pass_web_and_private if {
	count(broad_ingress.deny) == 0 with input as doc([
		rule("web", {"destination_port_range": "443"}),
		rule("vnet", {"protocol": "Udp", "destination_port_range": "53", "source_address_prefix": "VirtualNetwork"}),
		rule("deny", {"protocol": "*", "destination_port_range": "*", "access": "Deny"}),
	])
}

test_unknown_ports_are_not_a_finding if {
	r := object.union(rule("r", {}), {"unknown": {"destination_port_range": true}})
	input_doc := doc([r])
	count(broad_ingress.deny) == 0 with input as input_doc
	broad_ingress.unknown == {{"resource": "azurerm_network_security_rule.r", "message": "destination_port_range is known only after apply"}} with input as input_doc
}
