# METADATA
# title: Essential contacts cover security, technical and legal notifications
# description: >-
#   For every parent (organisation, folder or project) that has
#   google_essential_contacts_contact resources in a configuration, the
#   contacts together subscribe to the SECURITY, TECHNICAL and LEGAL
#   notification categories (or ALL). Otherwise Google's notices of
#   security incidents, outages or legal matters reach no one responsible;
#   an auditor expects named recipients for them. A parent without any
#   contact in the configuration cannot be judged here.
# custom:
#   id: GCP-IAM-004
#   severity: low
#   criteria: [CC1.3, CC2.3]
#   resource_types: [google_essential_contacts_contact]
#   remediation: >-
#     Add google_essential_contacts_contact resources (a monitored group
#     address) whose notification_category_subscriptions include SECURITY,
#     TECHNICAL and LEGAL, or ALL.
package soc2scan.rules.gcp.iam.essential_contacts

import data.soc2scan.lib.terraform as tf

categories := {"SECURITY", "TECHNICAL", "LEGAL"}

contacts := tf.resources("google_essential_contacts_contact")

deny contains finding if {
	some c in contacts
	not undetermined(parent(c))
	absent := missing(parent(c))
	count(absent) > 0
	finding := {"resource": c.id, "message": sprintf("%s: the essential contacts of %s subscribe to no %s notifications", [c.id, describe(parent(c)), concat(", ", sort(absent))])}
}

unknown contains tf.undetermined(c, "notification_category_subscriptions") if {
	some c in contacts
	tf.contains_unknown(c, "notification_category_subscriptions")
}

# parent is the parent value, or the resources it refers to.
parent(c) := p if {
	p := tf.value(c, "parent")
	is_string(p)
} else := object.get(c.refs, "parent", [])

describe(p) := p if is_string(p)

describe(p) := concat(", ", p) if is_array(p)

subscribed(p) := {cat |
	some c in contacts
	parent(c) == p
	some cat in object.get(c.values, "notification_category_subscriptions", [])
}

missing(p) := set() if {
	"ALL" in subscribed(p)
} else := categories - subscribed(p)

undetermined(p) if {
	some c in contacts
	parent(c) == p
	tf.contains_unknown(c, "notification_category_subscriptions")
}
