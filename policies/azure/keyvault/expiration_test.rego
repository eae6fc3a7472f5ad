package soc2scan.rules.azure.keyvault.expiration_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.keyvault.expiration

item(type, values) := {"id": sprintf("%s.x", [type]), "type": type, "values": values}

cert(months) := item("azurerm_key_vault_certificate", {"certificate_policy": [{"x509_certificate_properties": [{"validity_in_months": months}]}]})

test_fail_no_expiry if {
	findings := expiration.deny with input as doc([
		item("azurerm_key_vault_key", {}),
		item("azurerm_key_vault_secret", {}),
		cert(24),
	])
	findings == {
		{"resource": "azurerm_key_vault_key.x", "message": "azurerm_key_vault_key.x does not set expiration_date: it never expires"},
		{"resource": "azurerm_key_vault_secret.x", "message": "azurerm_key_vault_secret.x does not set expiration_date: it never expires"},
		{"resource": "azurerm_key_vault_certificate.x", "message": "azurerm_key_vault_certificate.x has certificate_policy.x509_certificate_properties.validity_in_months = 24, more than 12 months"},
	}
}

test_pass_expiring if {
	count(expiration.deny) == 0 with input as doc([
		item("azurerm_key_vault_key", {"expiration_date": "2030-12-30T20:00:00Z"}),
		object.union(item("azurerm_key_vault_secret", {}), {"unknown": {"expiration_date": true}}),
		cert(12),
	])
}

test_unknown_certificate_policy_is_not_a_finding if {
	input_doc := doc([object.union(item("azurerm_key_vault_certificate", {}), {"unknown": {"certificate_policy": true}})])
	count(expiration.deny) == 0 with input as input_doc
	expiration.unknown == {{"resource": "azurerm_key_vault_certificate.x", "message": "certificate_policy is known only after apply"}} with input as input_doc
}
