package soc2scan.rules.azure.waf.enabled_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.waf.enabled

gw(name, values) := {"id": sprintf("azurerm_application_gateway.%s", [name]), "type": "azurerm_application_gateway", "values": values}

test_fail_gateways if {
	findings := enabled.deny with input as doc([
		gw("none", {}),
		gw("off", {"waf_configuration": [{"enabled": false, "firewall_mode": "Prevention"}]}),
		gw("detect", {"waf_configuration": [{"enabled": true, "firewall_mode": "Detection"}]}),
	])
	findings == {
		{"resource": "azurerm_application_gateway.none", "message": "azurerm_application_gateway.none has no waf_configuration or firewall_policy_id: no web application firewall inspects its traffic"},
		{"resource": "azurerm_application_gateway.off", "message": "azurerm_application_gateway.off has waf_configuration.enabled = false: no web application firewall inspects its traffic"},
		{"resource": "azurerm_application_gateway.detect", "message": "azurerm_application_gateway.detect has waf_configuration.firewall_mode = \"Detection\": attacks are logged, not blocked"},
	}
}

test_fail_policies_and_front_door if {
	findings := enabled.deny with input as doc([
		{"id": "azurerm_web_application_firewall_policy.p", "type": "azurerm_web_application_firewall_policy", "values": {"policy_settings": [{"mode": "Detection"}]}},
		{"id": "azurerm_cdn_frontdoor_firewall_policy.f", "type": "azurerm_cdn_frontdoor_firewall_policy", "values": {"mode": "Prevention", "enabled": false}},
		{"id": "azurerm_cdn_frontdoor_profile.fd", "type": "azurerm_cdn_frontdoor_profile"},
	])
	findings == {
		{"resource": "azurerm_web_application_firewall_policy.p", "message": "azurerm_web_application_firewall_policy.p has policy_settings.mode = \"Detection\": attacks are logged, not blocked"},
		{"resource": "azurerm_cdn_frontdoor_firewall_policy.f", "message": "azurerm_cdn_frontdoor_firewall_policy.f has enabled = false: the policy inspects nothing"},
		{"resource": "azurerm_cdn_frontdoor_profile.fd", "message": "azurerm_cdn_frontdoor_profile.fd has no azurerm_cdn_frontdoor_security_policy: no web application firewall protects its endpoints"},
	}
}

test_pass_prevention if {
	count(enabled.deny) == 0 with input as doc([
		gw("inline", {"waf_configuration": [{"enabled": true, "firewall_mode": "Prevention"}]}),
		object.union(gw("policy", {}), {"unknown": {"firewall_policy_id": true}}),
		{"id": "azurerm_web_application_firewall_policy.p", "type": "azurerm_web_application_firewall_policy", "values": {"policy_settings": [{"mode": "Prevention"}]}},
		{"id": "azurerm_cdn_frontdoor_profile.fd", "type": "azurerm_cdn_frontdoor_profile"},
		{"id": "azurerm_cdn_frontdoor_security_policy.s", "type": "azurerm_cdn_frontdoor_security_policy", "refs": {"cdn_frontdoor_profile_id": ["azurerm_cdn_frontdoor_profile.fd"]}},
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(gw("a", {}), {"unknown": {"waf_configuration": true}})])
	count(enabled.deny) == 0 with input as input_doc
	enabled.unknown == {{"resource": "azurerm_application_gateway.a", "message": "waf_configuration is known only after apply"}} with input as input_doc
}
