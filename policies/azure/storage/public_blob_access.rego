# METADATA
# title: Storage accounts and containers do not allow anonymous blob access
# description: >-
#   Every azurerm_storage_account sets allow_nested_items_to_be_public
#   (allow_blob_public_access on provider 2.x) to false (the provider 3.x/4.x
#   default is true), and no azurerm_storage_container has
#   container_access_type "blob" or "container" unless its account disallows
#   public access. Anonymous read access exposes data to anyone with the URL,
#   without authentication or an audit trail of who read it.
# custom:
#   id: AZ-STORAGE-002
#   severity: high
#   criteria: [CC6.1]
#   resource_types: [azurerm_storage_account, azurerm_storage_container]
#   remediation: >-
#     Set allow_nested_items_to_be_public = false on the storage account and
#     container_access_type = "private" on its containers; share data with
#     SAS tokens or Entra ID roles instead.
package soc2scan.rules.azure.storage.public_blob_access

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

public_access := ["allow_nested_items_to_be_public", "allow_blob_public_access"]

deny contains finding if {
	some sa in tf.resources("azurerm_storage_account")
	s := azure.setting(sa, public_access)
	not azure.falsy(s.value)
	finding := {"resource": sa.id, "message": sprintf("%s has %s = %v: its containers may be made public", [sa.id, s.path, s.value])}
}

deny contains finding if {
	some sa in tf.resources("azurerm_storage_account")
	not azure.setting(sa, public_access)
	not azure.any_unknown(sa, public_access)
	finding := {"resource": sa.id, "message": sprintf(
		"%s does not set allow_nested_items_to_be_public; the provider default true lets its containers be made public",
		[sa.id],
	)}
}

deny contains finding if {
	some c in tf.resources("azurerm_storage_container")
	level := tf.value(c, "container_access_type")
	lower(level) in {"blob", "container"}
	not account_disallows(c)
	finding := {"resource": c.id, "message": sprintf("%s has container_access_type = %q: anyone can read its blobs anonymously", [c.id, level])}
}

unknown contains tf.undetermined(sa, public_access[0]) if {
	some sa in tf.resources("azurerm_storage_account")
	not azure.setting(sa, public_access)
	azure.any_unknown(sa, public_access)
}

unknown contains tf.undetermined(c, "container_access_type") if {
	some c in tf.resources("azurerm_storage_container")
	tf.is_unknown(c, "container_access_type")
}

# account_disallows holds when the container's account turns public access
# off: the account setting overrides the container's level.
account_disallows(c) if {
	some attr in ["storage_account_id", "storage_account_name"]
	some sa in tf.refers_to(c, attr)
	sa.type == "azurerm_storage_account"
	azure.falsy(azure.setting(sa, public_access).value)
}
