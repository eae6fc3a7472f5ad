# METADATA
# title: Storage account firewalls deny by default
# description: >-
#   Every azurerm_storage_account either turns its public endpoint off
#   (public_network_access_enabled = false) or has network rules (inline
#   network_rules or an azurerm_storage_account_network_rules that refers to
#   it) with default_action = "Deny" and no IP rule for the whole internet;
#   every azurerm_storage_account_network_rules is judged the same way.
#   Without them the account accepts connections from every network, so a
#   leaked key or SAS token is usable from anywhere.
# custom:
#   id: AZ-STORAGE-003
#   severity: high
#   criteria: [CC6.6, CC6.8, CC8.1]
#   resource_types: [azurerm_storage_account, azurerm_storage_account_network_rules]
#   remediation: >-
#     Add network_rules { default_action = "Deny", bypass = ["AzureServices"] }
#     with the virtual_network_subnet_ids and ip_rules that need access (or an
#     azurerm_storage_account_network_rules for the account), or set
#     public_network_access_enabled = false and use private endpoints.
package soc2scan.rules.azure.storage.network_default_deny

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

accounts := tf.resources("azurerm_storage_account")

# Accounts whose network rules are a separate resource are judged through
# that resource.
judged_accounts := [sa |
	some sa in accounts
	not azure.falsy(tf.value(sa, "public_network_access_enabled"))
	not tf.is_unknown(sa, "public_network_access_enabled")
	not separate_rules(sa)
]

separate_rules(sa) if {
	some attr in ["storage_account_id", "storage_account_name"]
	tf.has_related(sa, "azurerm_storage_account_network_rules", attr)
}

deny contains finding if {
	some sa in judged_accounts
	not azure.has_block(sa, "network_rules")
	not tf.is_unknown(sa, "network_rules")
	finding := {"resource": sa.id, "message": sprintf("%s has no network_rules: the account accepts connections from every network", [sa.id])}
}

deny contains finding if {
	some sa in judged_accounts
	rules := azure.block(sa, "network_rules")
	some problem in problems(rules)
	finding := {"resource": sa.id, "message": sprintf("%s network_rules %s", [sa.id, problem])}
}

deny contains finding if {
	some r in tf.resources("azurerm_storage_account_network_rules")
	some problem in problems(r.values)
	finding := {"resource": r.id, "message": sprintf("%s %s", [r.id, problem])}
}

problems(rules) := {sprintf("has default_action = %q: traffic from unlisted networks is allowed", [a]) |
	a := object.get(rules, "default_action", null)
	is_string(a)
	lower(a) != "deny"
} | {sprintf("allows ip_rules %q, the whole internet", [ip]) |
	some ip in object.get(rules, "ip_rules", [])
	azure.internet_prefix(ip)
}

unknown contains tf.undetermined(sa, attr) if {
	some sa in accounts
	some attr in ["public_network_access_enabled", "network_rules"]
	tf.is_unknown(sa, attr)
}

unknown contains tf.undetermined(r, "default_action") if {
	some r in tf.resources("azurerm_storage_account_network_rules")
	tf.is_unknown(r, "default_action")
}
