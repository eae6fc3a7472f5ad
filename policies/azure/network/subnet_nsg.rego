# METADATA
# title: Subnets are associated with a network security group
# description: >-
#   Every azurerm_subnet has an azurerm_subnet_network_security_group_association
#   that refers to it (or network_security_group_id on provider 2.x), and
#   every inline subnet of an azurerm_virtual_network sets security_group.
#   Subnets reserved for gateways, Azure Firewall and Route Server, which do
#   not support network security groups, are exempt. A subnet without one
#   filters no traffic between its workloads and the rest of the network.
# custom:
#   id: AZ-NET-003
#   severity: medium
#   criteria: [CC6.6]
#   resource_types: [azurerm_subnet, azurerm_virtual_network]
#   remediation: >-
#     Add an azurerm_subnet_network_security_group_association with
#     subnet_id = this subnet's id and the network_security_group_id of a
#     group that denies what the workload does not need (inline subnets:
#     set security_group).
#   rationale: >-
#     Inline subnets of azurerm_virtual_network are judged too: they carry
#     their network security group in the same resource.
package soc2scan.rules.azure.network.subnet_nsg

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

exempt := {"gatewaysubnet", "azurefirewallsubnet", "azurefirewallmanagementsubnet", "routeserversubnet"}

deny contains finding if {
	some subnet in tf.resources("azurerm_subnet")
	not exempt_name(object.get(subnet.values, "name", ""))
	tf.is_known(subnet, "name")
	not tf.has_related(subnet, "azurerm_subnet_network_security_group_association", "subnet_id")
	not azure.given(subnet, "network_security_group_id")
	finding := {"resource": subnet.id, "message": sprintf("%s has no network security group association: its traffic is not filtered", [subnet.id])}
}

deny contains finding if {
	some vnet in tf.resources("azurerm_virtual_network")
	some i, subnet in tf.blocks(vnet, "subnet")
	not exempt_name(object.get(subnet, "name", ""))
	not azure.given(vnet, ["subnet", i, "security_group"])
	finding := {"resource": vnet.id, "message": sprintf("%s subnet %q has no security_group: its traffic is not filtered", [vnet.id, object.get(subnet, "name", i)])}
}

exempt_name(name) if lower(name) in exempt

unknown contains tf.undetermined(subnet, "name") if {
	some subnet in tf.resources("azurerm_subnet")
	tf.is_unknown(subnet, "name")
	not tf.has_related(subnet, "azurerm_subnet_network_security_group_association", "subnet_id")
}
