# METADATA
# title: SQL servers are not reachable from the whole internet
# description: >-
#   Every azurerm_mssql_server sets public_network_access_enabled = false
#   (the default is true), and no azurerm_mssql_firewall_rule or
#   azurerm_sql_firewall_rule opens 0.0.0.0-255.255.255.255 on a server
#   whose public endpoint is on. A database reachable from any address is
#   one leaked or guessed password away from a breach; an auditor expects
#   databases behind private endpoints or narrow firewall rules.
# custom:
#   id: AZ-SQL-004
#   severity: high
#   criteria: [CC6.2, CC6.6]
#   resource_types: [azurerm_mssql_server, azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule]
#   remediation: >-
#     Set public_network_access_enabled = false and connect through private
#     endpoints; if a public endpoint is needed, replace the
#     0.0.0.0-255.255.255.255 firewall rule with the addresses that need
#     access.
package soc2scan.rules.azure.sql.public_access

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

rules := azure.resources(["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"])

deny contains finding if {
	some s in tf.resources("azurerm_mssql_server")
	v := tf.value(s, "public_network_access_enabled")
	azure.truthy(v)
	finding := {"resource": s.id, "message": sprintf("%s has public_network_access_enabled = %v: the server accepts connections from the internet", [s.id, v])}
}

deny contains finding if {
	some s in tf.resources("azurerm_mssql_server")
	tf.value(s, "public_network_access_enabled") == null
	tf.is_known(s, "public_network_access_enabled")
	finding := {"resource": s.id, "message": sprintf(
		"%s does not set public_network_access_enabled; the default true lets the server accept connections from the internet",
		[s.id],
	)}
}

deny contains finding if {
	some r in rules
	tf.value(r, "start_ip_address") == "0.0.0.0"
	tf.value(r, "end_ip_address") == "255.255.255.255"
	not server_private(r)
	finding := {"resource": r.id, "message": sprintf("%s allows start_ip_address 0.0.0.0 to end_ip_address 255.255.255.255, the whole internet", [r.id])}
}

server_private(r) if {
	some attr in ["server_id", "server_name"]
	some s in tf.refers_to(r, attr)
	azure.falsy(tf.value(s, "public_network_access_enabled"))
}

unknown contains tf.undetermined(s, "public_network_access_enabled") if {
	some s in tf.resources("azurerm_mssql_server")
	tf.is_unknown(s, "public_network_access_enabled")
}

unknown contains tf.undetermined(r, attr) if {
	some r in rules
	some attr in ["start_ip_address", "end_ip_address"]
	tf.is_unknown(r, attr)
}
