# METADATA
# title: Defender for Cloud notifies a security contact and the owners
# description: >-
#   Every azurerm_security_center_contact sets an email and keeps
#   alert_notifications and alerts_to_admins true. Without them Defender's
#   alerts reach nobody, and incidents go unanswered: an auditor expects
#   security events to be communicated to the people who respond.
# custom:
#   id: AZ-DEFENDER-002
#   severity: medium
#   criteria: [CC2.3, CC7.4]
#   resource_types: [azurerm_security_center_contact]
#   remediation: Set email to a monitored security mailbox, alert_notifications = true and alerts_to_admins = true.
package soc2scan.rules.azure.defender.security_contact

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

contacts := tf.resources("azurerm_security_center_contact")

deny contains finding if {
	some c in contacts
	some attr in ["alert_notifications", "alerts_to_admins"]
	v := tf.value(c, attr)
	azure.falsy(v)
	finding := {"resource": c.id, "message": sprintf("%s has %s = %v: security alerts are not sent", [c.id, attr, v])}
}

deny contains finding if {
	some c in contacts
	not azure.given(c, "email")
	finding := {"resource": c.id, "message": sprintf("%s sets no email: security alerts have no recipient", [c.id])}
}

unknown contains tf.undetermined(c, attr) if {
	some c in contacts
	some attr in ["alert_notifications", "alerts_to_admins"]
	tf.is_unknown(c, attr)
}
