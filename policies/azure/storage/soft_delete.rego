# METADATA
# title: Storage accounts keep deleted blobs and containers recoverable
# description: >-
#   Every azurerm_storage_account with a blob service (account_kind other
#   than FileStorage) sets blob_properties with a delete_retention_policy and
#   a container_delete_retention_policy, whose days are at least 1. Soft
#   delete lets an accidental or malicious deletion be undone within the
#   retention period: the recovery evidence an auditor looks for.
# custom:
#   id: AZ-STORAGE-005
#   severity: medium
#   criteria: [CC7.4, A1.2, C1.1, C1.2, PI1.5]
#   resource_types: [azurerm_storage_account]
#   remediation: >-
#     Add blob_properties { delete_retention_policy { days = 7 }
#     container_delete_retention_policy { days = 7 } } (or longer) to the
#     account.
package soc2scan.rules.azure.storage.soft_delete

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

policies := ["delete_retention_policy", "container_delete_retention_policy"]

blob_accounts := [sa |
	some sa in tf.resources("azurerm_storage_account")
	tf.value(sa, "account_kind") != "FileStorage"
	not tf.is_unknown(sa, "blob_properties")
]

deny contains finding if {
	some sa in blob_accounts
	props := azure.block(sa, "blob_properties")
	some policy in policies
	not tf.contains_unknown(sa, ["blob_properties", 0, policy])
	problem := missing(props, policy)
	finding := {"resource": sa.id, "message": sprintf("%s blob_properties.%s %s", [sa.id, policy, problem])}
}

missing(props, policy) := "is not set: deleted data cannot be recovered" if {
	not _present(props, policy)
} else := sprintf("keeps deleted data %v days", [days]) if {
	some p in _policies(props, policy)
	days := object.get(p, "days", 7)
	is_number(days)
	days < 1
}

_policies(props, policy) := [p | some p in object.get(props, policy, []); is_object(p)] if {
	is_array(object.get(props, policy, null))
} else := [object.get(props, policy, null)]

_present(props, policy) if {
	some p in _policies(props, policy)
	is_object(p)
}

unknown contains tf.undetermined(sa, "blob_properties") if {
	some sa in tf.resources("azurerm_storage_account")
	tf.is_unknown(sa, "blob_properties")
}
