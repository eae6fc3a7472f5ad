# METADATA
# title: PostgreSQL and MySQL servers require TLS 1.2
# description: >-
#   azurerm_postgresql_server and azurerm_mysql_server set
#   ssl_enforcement_enabled = true and keep ssl_minimal_tls_version_enforced
#   at TLS1_2 or later (the default); flexible servers are not configured
#   (azurerm_postgresql_flexible_server_configuration,
#   azurerm_mysql_flexible_server_configuration) to turn
#   require_secure_transport off or to accept TLS below 1.2. Unencrypted or
#   weakly encrypted database connections expose credentials and data in
#   transit.
# custom:
#   id: AZ-DB-001
#   severity: high
#   criteria: [CC6.6, CC6.7]
#   resource_types: [azurerm_postgresql_server, azurerm_mysql_server, azurerm_postgresql_flexible_server_configuration, azurerm_mysql_flexible_server_configuration]
#   remediation: >-
#     Set ssl_enforcement_enabled = true and ssl_minimal_tls_version_enforced
#     = "TLS1_2" on single servers; on flexible servers keep
#     require_secure_transport = "ON" and ssl_min_protocol_version
#     (PostgreSQL) or tls_version (MySQL) at TLSv1.2 or later.
package soc2scan.rules.azure.db.enforce_tls

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

servers := azure.resources(["azurerm_postgresql_server", "azurerm_mysql_server"])

configurations := azure.resources(["azurerm_postgresql_flexible_server_configuration", "azurerm_mysql_flexible_server_configuration"])

deny contains finding if {
	some s in servers
	v := tf.value(s, "ssl_enforcement_enabled")
	v != null
	not azure.truthy(v)
	finding := {"resource": s.id, "message": sprintf("%s has ssl_enforcement_enabled = %v: clients may connect without TLS", [s.id, v])}
}

deny contains finding if {
	some s in servers
	v := tf.value(s, "ssl_enforcement")
	tf.value(s, "ssl_enforcement_enabled") == null
	lower(v) != "enabled"
	finding := {"resource": s.id, "message": sprintf("%s has ssl_enforcement = %q: clients may connect without TLS", [s.id, v])}
}

deny contains finding if {
	some s in servers
	not azure.setting(s, ["ssl_enforcement_enabled", "ssl_enforcement"])
	not azure.any_unknown(s, ["ssl_enforcement_enabled", "ssl_enforcement"])
	finding := {"resource": s.id, "message": sprintf("%s does not set ssl_enforcement_enabled: TLS is not required of clients", [s.id])}
}

deny contains finding if {
	some s in servers
	v := tf.value(s, "ssl_minimal_tls_version_enforced")
	azure.weak_tls(v)
	finding := {"resource": s.id, "message": sprintf("%s has ssl_minimal_tls_version_enforced = %q, below TLS1_2", [s.id, v])}
}

deny contains finding if {
	some c in configurations
	lower(tf.value(c, "name")) == "require_secure_transport"
	v := tf.value(c, "value")
	lower(v) in {"off", "0", "false"}
	finding := {"resource": c.id, "message": sprintf("%s sets require_secure_transport to %q: clients may connect without TLS", [c.id, v])}
}

deny contains finding if {
	some c in configurations
	name := lower(tf.value(c, "name"))
	name in {"ssl_min_protocol_version", "tls_version"}
	v := tf.value(c, "value")
	some version in split(v, ",")
	azure.weak_tls(trim_space(version))
	finding := {"resource": c.id, "message": sprintf("%s sets %s to %q, which allows TLS below 1.2", [c.id, name, v])}
}

unknown contains tf.undetermined(s, attr) if {
	some s in servers
	some attr in ["ssl_enforcement_enabled", "ssl_enforcement", "ssl_minimal_tls_version_enforced"]
	tf.is_unknown(s, attr)
}

unknown contains tf.undetermined(c, "value") if {
	some c in configurations
	lower(tf.value(c, "name")) in {"require_secure_transport", "ssl_min_protocol_version", "tls_version"}
	tf.is_unknown(c, "value")
}
