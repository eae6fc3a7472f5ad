# METADATA
# title: Defender for Cloud plans use the Standard tier
# description: >-
#   No azurerm_security_center_subscription_pricing sets tier = "Free". The
#   Free tier turns the plan's threat detection (for servers, SQL, storage,
#   containers, Key Vault, App Service, Resource Manager, DNS ...) off, so
#   attacks on those resources raise no alert.
# custom:
#   id: AZ-DEFENDER-001
#   severity: high
#   criteria: [CC3.1, CC3.2, CC4.2, CC6.8, CC7.1, CC7.2]
#   resource_types: [azurerm_security_center_subscription_pricing]
#   remediation: Set tier = "Standard" for the plan (resource_type_name) and for every plan the subscription uses.
package soc2scan.rules.azure.defender.plans

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some p in tf.resources("azurerm_security_center_subscription_pricing")
	tier := tf.value(p, "tier")
	is_string(tier)
	lower(tier) != "standard"
	finding := {"resource": p.id, "message": sprintf("%s has tier = %q for %s: Defender threat detection is off for it", [p.id, tier, plan(p)])}
}

plan(p) := v if {
	v := tf.value(p, "resource_type_name")
	is_string(v)
} else := "VirtualMachines (the default resource_type_name)"

unknown contains tf.undetermined(p, "tier") if {
	some p in tf.resources("azurerm_security_center_subscription_pricing")
	tf.is_unknown(p, "tier")
}
