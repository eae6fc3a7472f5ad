# METADATA
# title: Key vaults are protected against purge
# description: >-
#   Every azurerm_key_vault sets purge_protection_enabled = true (the default
#   is false) and keeps soft delete on (soft_delete_enabled not false on
#   provider 2.x; soft_delete_retention_days between 7 and 90). Without purge
#   protection a deleted vault or key can be destroyed at once, taking with
#   it every piece of data encrypted under its keys.
# custom:
#   id: AZ-KV-001
#   severity: high
#   criteria: [CC6.1, PI1.5]
#   resource_types: [azurerm_key_vault]
#   remediation: >-
#     Set purge_protection_enabled = true (it cannot be turned off again) and
#     keep soft_delete_retention_days at 90 or another value from 7 to 90.
package soc2scan.rules.azure.keyvault.recoverable

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

vaults := tf.resources("azurerm_key_vault")

deny contains finding if {
	some kv in vaults
	v := tf.value(kv, "purge_protection_enabled")
	v != null
	not azure.truthy(v)
	finding := {"resource": kv.id, "message": sprintf("%s has purge_protection_enabled = %v: deleted keys and secrets can be purged at once", [kv.id, v])}
}

deny contains finding if {
	some kv in vaults
	tf.value(kv, "purge_protection_enabled") == null
	tf.is_known(kv, "purge_protection_enabled")
	finding := {"resource": kv.id, "message": sprintf("%s does not set purge_protection_enabled; the default false lets deleted keys and secrets be purged at once", [kv.id])}
}

deny contains finding if {
	some kv in vaults
	v := tf.value(kv, "soft_delete_enabled")
	azure.falsy(v)
	finding := {"resource": kv.id, "message": sprintf("%s has soft_delete_enabled = %v: deleted keys and secrets cannot be recovered", [kv.id, v])}
}

unknown contains tf.undetermined(kv, "purge_protection_enabled") if {
	some kv in vaults
	tf.is_unknown(kv, "purge_protection_enabled")
}
