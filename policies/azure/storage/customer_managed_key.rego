# METADATA
# title: Storage accounts encrypt with a customer-managed key
# description: >-
#   Every azurerm_storage_account has a customer_managed_key block or an
#   azurerm_storage_account_customer_managed_key that refers to it, so its
#   data is encrypted with a Key Vault key the organisation controls,
#   rotates and can revoke, with key use logged in Key Vault: evidence of
#   key management an auditor can inspect, beyond Microsoft-managed keys.
# custom:
#   id: AZ-STORAGE-004
#   severity: medium
#   criteria: [CC6.1, CC6.7, CC7.5, PI1.4, PI1.5]
#   resource_types: [azurerm_storage_account]
#   remediation: >-
#     Add an azurerm_storage_account_customer_managed_key with
#     storage_account_id = this account's id and a key_vault_key_id (or the
#     account's customer_managed_key block with key_vault_key_id and a
#     user_assigned_identity_id).
package soc2scan.rules.azure.storage.customer_managed_key

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some sa in tf.resources("azurerm_storage_account")
	not customer_managed(sa)
	not tf.is_unknown(sa, "customer_managed_key")
	finding := {"resource": sa.id, "message": sprintf("%s has no customer_managed_key: its data is encrypted with Microsoft-managed keys only", [sa.id])}
}

unknown contains tf.undetermined(sa, "customer_managed_key") if {
	some sa in tf.resources("azurerm_storage_account")
	not customer_managed(sa)
	tf.is_unknown(sa, "customer_managed_key")
}

customer_managed(sa) if azure.has_block(sa, "customer_managed_key")

customer_managed(sa) if tf.has_related(sa, "azurerm_storage_account_customer_managed_key", "storage_account_id")
