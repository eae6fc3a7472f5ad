# METADATA
# title: Storage accounts accept only HTTPS with TLS 1.2 or later
# description: >-
#   Every azurerm_storage_account keeps secure transfer on
#   (https_traffic_only_enabled, enable_https_traffic_only before provider
#   4.0; default true) and min_tls_version at TLS1_2 (the default since
#   provider 3.0). Plain HTTP or TLS 1.0/1.1 lets data and shared keys cross
#   the network readable or weakly protected; an auditor expects data in
#   transit to be encrypted with current protocols.
# custom:
#   id: AZ-STORAGE-001
#   severity: high
#   criteria: [CC6.6, CC6.7]
#   resource_types: [azurerm_storage_account]
#   remediation: >-
#     Remove https_traffic_only_enabled = false (enable_https_traffic_only on
#     provider 3.x) or set it to true, and set min_tls_version = "TLS1_2".
package soc2scan.rules.azure.storage.secure_transfer

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

https := ["https_traffic_only_enabled", "enable_https_traffic_only"]

deny contains finding if {
	some sa in tf.resources("azurerm_storage_account")
	s := azure.setting(sa, https)
	not azure.truthy(s.value)
	finding := {"resource": sa.id, "message": sprintf("%s has %s = %v: the account accepts plain HTTP requests", [sa.id, s.path, s.value])}
}

deny contains finding if {
	some sa in tf.resources("azurerm_storage_account")
	v := tf.value(sa, "min_tls_version")
	azure.weak_tls(v)
	finding := {"resource": sa.id, "message": sprintf("%s has min_tls_version = %v, below TLS1_2", [sa.id, v])}
}

unknown contains tf.undetermined(sa, attr) if {
	some sa in tf.resources("azurerm_storage_account")
	some attr in array.concat(https, ["min_tls_version"])
	tf.is_unknown(sa, attr)
}
