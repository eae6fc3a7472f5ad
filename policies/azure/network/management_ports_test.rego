package soc2scan.rules.azure.network.management_ports_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.network.management_ports

rule(name, values) := {
	"id": sprintf("azurerm_network_security_rule.%s", [name]),
	"type": "azurerm_network_security_rule",
	"values": object.union({"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*"}, values),
}

test_fail_ssh_and_rdp if {
	findings := management_ports.deny with input as doc([
		rule("ssh", {"destination_port_range": "22"}),
		rule("range", {"destination_port_range": "3380-3390, 8080", "source_address_prefix": "Internet"}),
		{
			"id": "azurerm_network_security_group.nsg",
			"type": "azurerm_network_security_group",
			"values": {"security_rule": [{
				"name": "all",
				"direction": "Inbound",
				"access": "Allow",
				"protocol": "*",
				"source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"],
				"destination_port_ranges": ["22", "3389"],
			}]},
		},
	])
	findings == {
		{"resource": "azurerm_network_security_rule.ssh", "message": "azurerm_network_security_rule.ssh allows TCP port 22 (SSH) from the internet (*)"},
		{"resource": "azurerm_network_security_rule.range", "message": "azurerm_network_security_rule.range allows TCP port 3389 (RDP) from the internet (Internet)"},
		{"resource": "azurerm_network_security_group.nsg", "message": "azurerm_network_security_group.nsg security_rule \"all\" allows TCP port 22 (SSH) and TCP port 3389 (RDP) from the internet (0.0.0.0/0)"},
	}
}

test_pass_restricted_denied_or_udp if {
	count(management_ports.deny) == 0 with input as doc([
		rule("deny", {"destination_port_range": "22", "access": "Deny"}),
		rule("office", {"destination_port_range": "22", "source_address_prefix": "203.0.113.0/24"}),
		rule("udp", {"destination_port_range": "3389", "protocol": "Udp"}),
		rule("web", {"destination_port_range": "443"}),
		rule("outbound", {"destination_port_range": "22", "direction": "Outbound"}),
	])
}

test_unknown_source_is_not_a_finding if {
	r := {
		"id": "azurerm_network_security_rule.ssh",
		"type": "azurerm_network_security_rule",
		"values": {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "destination_port_range": "22"},
		"unknown": {"source_address_prefix": true},
	}
	input_doc := doc([r])
	count(management_ports.deny) == 0 with input as input_doc
	management_ports.unknown == {{"resource": "azurerm_network_security_rule.ssh", "message": "source_address_prefix is known only after apply"}} with input as input_doc
}
