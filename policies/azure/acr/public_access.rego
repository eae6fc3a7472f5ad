# METADATA
# title: Container registries are private and have no admin user
# description: >-
#   Every azurerm_container_registry sets public_network_access_enabled =
#   false (default true) unless a network_rule_set denies by default, and
#   keeps admin_enabled false (the default). A public registry exposes
#   images, which often embed code and secrets, to pulls from anywhere; the
#   admin user is a single shared password that bypasses Entra ID
#   identities and their audit trail.
# custom:
#   id: AZ-ACR-001
#   severity: high
#   criteria: [CC3.3, CC6.1]
#   resource_types: [azurerm_container_registry]
#   remediation: >-
#     Set public_network_access_enabled = false and reach the registry
#     through a private endpoint (Premium SKU), or at least add
#     network_rule_set { default_action = "Deny" } with allowed ranges; set
#     admin_enabled = false and grant AcrPull/AcrPush roles to identities.
package soc2scan.rules.azure.acr.public_access

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

registries := tf.resources("azurerm_container_registry")

deny contains finding if {
	some acr in registries
	v := tf.value(acr, "public_network_access_enabled")
	not azure.falsy(v)
	not tf.is_unknown(acr, "public_network_access_enabled")
	not restricted(acr)
	not tf.contains_unknown(acr, "network_rule_set")
	finding := {"resource": acr.id, "message": sprintf("%s has public_network_access_enabled = %v and no network_rule_set denying by default: the registry is reachable from the internet", [acr.id, default_true(v)])}
}

deny contains finding if {
	some acr in registries
	v := tf.value(acr, "admin_enabled")
	azure.truthy(v)
	finding := {"resource": acr.id, "message": sprintf("%s has admin_enabled = %v: a shared admin password grants full access", [acr.id, v])}
}

restricted(acr) if lower(object.get(azure.block(acr, "network_rule_set"), "default_action", "Allow")) == "deny"

default_true(null) := "true (the default)"

default_true(v) := v if v != null

unknown contains tf.undetermined(acr, attr) if {
	some acr in registries
	some attr in ["public_network_access_enabled", "admin_enabled", "network_rule_set"]
	tf.contains_unknown(acr, attr)
}
