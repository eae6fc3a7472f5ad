package soc2scan.rules.azure.defender.security_contact_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.defender.security_contact

contact(values) := {"id": "azurerm_security_center_contact.c", "type": "azurerm_security_center_contact", "values": values}

test_fail_no_notifications if {
	findings := security_contact.deny with input as doc([contact({"alert_notifications": false, "alerts_to_admins": true})])
	findings == {
		{"resource": "azurerm_security_center_contact.c", "message": "azurerm_security_center_contact.c has alert_notifications = false: security alerts are not sent"},
		{"resource": "azurerm_security_center_contact.c", "message": "azurerm_security_center_contact.c sets no email: security alerts have no recipient"},
	}
}

test_pass_notified if {
	count(security_contact.deny) == 0 with input as doc([contact({"email": "security@example.com", "alert_notifications": true, "alerts_to_admins": true})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(contact({"email": "s@example.com", "alerts_to_admins": true}), {"unknown": {"alert_notifications": true}})])
	count(security_contact.deny) == 0 with input as input_doc
	security_contact.unknown == {{"resource": "azurerm_security_center_contact.c", "message": "alert_notifications is known only after apply"}} with input as input_doc
}
