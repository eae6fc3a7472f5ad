package soc2scan.rules.gcp.iam.service_account_admin_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.iam.service_account_admin

sa := "serviceAccount:app@p.iam.gserviceaccount.com"

test_fail_admin_roles if {
	findings := service_account_admin.deny with input as doc([
		{"id": "google_project_iam_member.a", "type": "google_project_iam_member", "values": {"role": "roles/iam.serviceAccountAdmin", "member": sa}},
		{"id": "google_project_iam_binding.b", "type": "google_project_iam_binding", "values": {"role": "roles/editor", "members": ["user:jane@example.com", sa]}},
		{"id": "google_organization_iam_member.c", "type": "google_organization_iam_member", "values": {"role": "roles/storage.admin", "member": sa}},
	])
	findings == {
		{"resource": "google_project_iam_member.a", "message": "google_project_iam_member.a grants roles/iam.serviceAccountAdmin to serviceAccount:app@p.iam.gserviceaccount.com"},
		{"resource": "google_project_iam_binding.b", "message": "google_project_iam_binding.b grants roles/editor to serviceAccount:app@p.iam.gserviceaccount.com"},
		{"resource": "google_organization_iam_member.c", "message": "google_organization_iam_member.c grants roles/storage.admin to serviceAccount:app@p.iam.gserviceaccount.com"},
	}
}

test_fail_policy_json if {
	p := {"id": "google_project_iam_policy.p", "type": "google_project_iam_policy", "values": {"policy_data": json.marshal({"bindings": [{"role": "roles/owner", "members": [sa]}]})}}
	{f.resource | some f in service_account_admin.deny} == {"google_project_iam_policy.p"} with input as doc([p])
}

test_pass_users_and_narrow_roles if {
	count(service_account_admin.deny) == 0 with input as doc([
		{"id": "google_project_iam_member.a", "type": "google_project_iam_member", "values": {"role": "roles/owner", "member": "user:jane@example.com"}},
		{"id": "google_project_iam_member.b", "type": "google_project_iam_member", "values": {"role": "roles/storage.objectViewer", "member": sa}},
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([{"id": "google_project_iam_member.a", "type": "google_project_iam_member", "values": {"role": "roles/owner"}, "unknown": {"member": true}}])
	count(service_account_admin.deny) == 0 with input as input_doc
	service_account_admin.unknown == {{"resource": "google_project_iam_member.a", "message": "google_project_iam_member.a.member is known only after apply"}} with input as input_doc
}
