# METADATA
# title: Network security rules do not open UDP or every port to the internet
# description: >-
#   No inbound Allow rule, inline in an azurerm_network_security_group or an
#   azurerm_network_security_rule, lets the internet (source "*",
#   "Internet", "Any", "0.0.0.0" or a prefix of length 0) reach UDP
#   services or every port (destination "*" or 0/1-65535). Such rules expose
#   whatever listens behind them, including services never meant to be
#   public, and UDP services are common amplification and exploitation
#   targets.
# custom:
#   id: AZ-NET-002
#   severity: high
#   criteria: [CC6.6]
#   resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
#   remediation: >-
#     Allow only the TCP ports the workload serves (443 on web tiers), and
#     restrict source_address_prefix(es) for anything else to known
#     networks.
package soc2scan.rules.azure.network.broad_ingress

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some rule in azure.nsg_rules
	what := exposure(rule)
	finding := {"resource": rule.resource.id, "message": sprintf("%s allows %s from the internet (%s)", [
		rule.label,
		what,
		concat(", ", azure.internet_sources(rule)),
	])}
}

exposure(rule) := sprintf("every port (protocol %q)", [rule.values.protocol]) if {
	from_internet(rule)
	all_ports(rule)
} else := sprintf("UDP ports %s", [concat(", ", azure.port_specs(rule))]) if {
	from_internet(rule)
	azure.protocol(rule) == "udp"
}

from_internet(rule) if {
	azure.inbound_allow(rule)
	count(azure.internet_sources(rule)) > 0
}

all_ports(rule) if {
	some [from, to] in azure.port_ranges(rule)
	from <= 1
	to >= 65535
}

unknown contains tf.undetermined(rule.resource, array.concat(rule.path, [attr])) if {
	some rule in azure.nsg_rules
	not exposure(rule)
	some attr in azure.rule_unknown(rule)
}
