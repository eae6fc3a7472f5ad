# METADATA
# title: Application gateways and Front Door run a WAF in prevention mode
# description: >-
#   Every azurerm_application_gateway has a firewall_policy_id or a
#   waf_configuration that is enabled and not in Detection mode; no
#   azurerm_web_application_firewall_policy or
#   azurerm_cdn_frontdoor_firewall_policy is disabled or in Detection mode;
#   every azurerm_cdn_frontdoor_profile has an
#   azurerm_cdn_frontdoor_security_policy attaching a WAF policy. A web
#   application firewall in prevention mode blocks common exploits (SQL
#   injection, cross-site scripting) before they reach the application;
#   detection mode only logs them.
# custom:
#   id: AZ-WAF-001
#   severity: high
#   criteria: [CC6.6]
#   resource_types: [azurerm_application_gateway, azurerm_web_application_firewall_policy, azurerm_cdn_frontdoor_firewall_policy, azurerm_cdn_frontdoor_profile]
#   remediation: >-
#     Use the WAF_v2 SKU with firewall_policy_id pointing at an
#     azurerm_web_application_firewall_policy whose policy_settings set mode =
#     "Prevention" (or waf_configuration { enabled = true, firewall_mode =
#     "Prevention" }); for Front Door add an
#     azurerm_cdn_frontdoor_security_policy with a firewall policy in
#     Prevention mode.
#   rationale: >-
#     Front Door profiles are judged rather than security policies: a
#     profile without a security policy is the gap the row describes.
package soc2scan.rules.azure.waf.enabled

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

gateways := tf.resources("azurerm_application_gateway")

deny contains finding if {
	some gw in gateways
	not azure.given(gw, "firewall_policy_id")
	not azure.has_block(gw, "waf_configuration")
	not tf.is_unknown(gw, "waf_configuration")
	finding := {"resource": gw.id, "message": sprintf("%s has no waf_configuration or firewall_policy_id: no web application firewall inspects its traffic", [gw.id])}
}

deny contains finding if {
	some gw in gateways
	not azure.given(gw, "firewall_policy_id")
	v := object.get(azure.block(gw, "waf_configuration"), "enabled", null)
	azure.falsy(v)
	finding := {"resource": gw.id, "message": sprintf("%s has waf_configuration.enabled = %v: no web application firewall inspects its traffic", [gw.id, v])}
}

deny contains finding if {
	some gw in gateways
	not azure.given(gw, "firewall_policy_id")
	mode := object.get(azure.block(gw, "waf_configuration"), "firewall_mode", null)
	lower(mode) == "detection"
	finding := {"resource": gw.id, "message": sprintf("%s has waf_configuration.firewall_mode = %q: attacks are logged, not blocked", [gw.id, mode])}
}

deny contains finding if {
	some p in tf.resources("azurerm_web_application_firewall_policy")
	settings := azure.block(p, "policy_settings")
	some problem in policy_problems(settings, "policy_settings.")
	finding := {"resource": p.id, "message": sprintf("%s has %s", [p.id, problem])}
}

deny contains finding if {
	some p in tf.resources("azurerm_cdn_frontdoor_firewall_policy")
	some problem in policy_problems(p.values, "")
	finding := {"resource": p.id, "message": sprintf("%s has %s", [p.id, problem])}
}

deny contains finding if {
	some profile in tf.resources("azurerm_cdn_frontdoor_profile")
	not tf.has_related(profile, "azurerm_cdn_frontdoor_security_policy", "cdn_frontdoor_profile_id")
	finding := {"resource": profile.id, "message": sprintf("%s has no azurerm_cdn_frontdoor_security_policy: no web application firewall protects its endpoints", [profile.id])}
}

policy_problems(settings, prefix) := {sprintf("%senabled = %v: the policy inspects nothing", [prefix, v]) |
	v := object.get(settings, "enabled", null)
	azure.falsy(v)
} | {sprintf("%smode = %q: attacks are logged, not blocked", [prefix, m]) |
	m := object.get(settings, "mode", null)
	lower(m) == "detection"
}

unknown contains tf.undetermined(gw, "waf_configuration") if {
	some gw in gateways
	not azure.given(gw, "firewall_policy_id")
	tf.contains_unknown(gw, "waf_configuration")
}
