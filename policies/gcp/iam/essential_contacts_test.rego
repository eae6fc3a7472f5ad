package soc2scan.rules.gcp.iam.essential_contacts_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.iam.essential_contacts

contact(name, parent, cats) := {
	"id": sprintf("google_essential_contacts_contact.%s", [name]),
	"type": "google_essential_contacts_contact",
	"values": {"parent": parent, "email": "sec@example.com", "language_tag": "en", "notification_category_subscriptions": cats},
}

test_fail_missing_legal if {
	findings := essential_contacts.deny with input as doc([
		contact("sec", "organizations/123", ["SECURITY"]),
		contact("tech", "organizations/123", ["TECHNICAL", "BILLING"]),
	])
	findings == {
		{"resource": "google_essential_contacts_contact.sec", "message": "google_essential_contacts_contact.sec: the essential contacts of organizations/123 subscribe to no LEGAL notifications"},
		{"resource": "google_essential_contacts_contact.tech", "message": "google_essential_contacts_contact.tech: the essential contacts of organizations/123 subscribe to no LEGAL notifications"},
	}
}

test_pass_all_categories if {
	count(essential_contacts.deny) == 0 with input as doc([
		contact("all", "organizations/123", ["ALL"]),
		contact("sec", "projects/p", ["SECURITY", "LEGAL"]),
		contact("tech", "projects/p", ["TECHNICAL"]),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(contact("sec", "projects/p", null), {"unknown": {"notification_category_subscriptions": true}})])
	count(essential_contacts.deny) == 0 with input as input_doc
	essential_contacts.unknown == {{"resource": "google_essential_contacts_contact.sec", "message": "notification_category_subscriptions is known only after apply"}} with input as input_doc
}
