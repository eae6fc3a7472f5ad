# METADATA
# title: Network security rules do not open SSH or RDP to the internet
# description: >-
#   No inbound Allow rule, inline in an azurerm_network_security_group or an
#   azurerm_network_security_rule, lets TCP (or every protocol) reach port
#   22 (SSH) or 3389 (RDP) from the internet: source "*", "Internet", "Any",
#   "0.0.0.0" or any prefix of length 0. Remote-administration ports open to
#   the world invite brute force and exploitation; an auditor expects
#   administration through controlled paths (Bastion, just-in-time access, a
#   VPN).
# custom:
#   id: AZ-NET-001
#   severity: critical
#   criteria: [CC6.6]
#   resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
#   remediation: >-
#     Restrict source_address_prefix(es) to the administrative networks, or
#     remove the rule and reach machines through Azure Bastion or
#     just-in-time VM access.
package soc2scan.rules.azure.network.management_ports

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

ports := {22: "SSH", 3389: "RDP"}

deny contains finding if {
	some rule in azure.nsg_rules
	open := exposed(rule)
	count(open) > 0
	finding := {"resource": rule.resource.id, "message": sprintf("%s allows %s from the internet (%s)", [
		rule.label,
		concat(" and ", open),
		concat(", ", azure.internet_sources(rule)),
	])}
}

exposed(rule) := [sprintf("TCP port %d (%s)", [port, name]) |
	azure.inbound_allow(rule)
	azure.protocol(rule) in {"tcp", "*"}
	count(azure.internet_sources(rule)) > 0
	some port, name in ports
	azure.opens_port(rule, port)
]

unknown contains tf.undetermined(rule.resource, array.concat(rule.path, [attr])) if {
	some rule in azure.nsg_rules
	count(exposed(rule)) == 0
	some attr in azure.rule_unknown(rule)
}
