package soc2scan.rules.gcp.iam.separation_of_duties_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.iam.separation_of_duties

member(name, project, role, m) := {"id": sprintf("google_project_iam_member.%s", [name]), "type": "google_project_iam_member", "values": {"project": project, "role": role, "member": m}}

test_fail_kms_admin_and_user if {
	findings := separation_of_duties.deny with input as doc([
		member("admin", "p", "roles/cloudkms.admin", "user:jane@example.com"),
		member("use", "p", "roles/cloudkms.cryptoKeyEncrypterDecrypter", "user:jane@example.com"),
	])
	findings == {
		{"resource": "google_project_iam_member.admin", "message": "google_project_iam_member.admin grants roles/cloudkms.admin to user:jane@example.com, who also holds roles/cloudkms.cryptoKeyEncrypterDecrypter (google_project_iam_member.use)"},
		{"resource": "google_project_iam_member.use", "message": "google_project_iam_member.use grants roles/cloudkms.cryptoKeyEncrypterDecrypter to user:jane@example.com, who also holds roles/cloudkms.admin (google_project_iam_member.admin)"},
	}
}

test_fail_service_account_admin_and_user_in_one_policy if {
	p := {"id": "google_project_iam_policy.p", "type": "google_project_iam_policy", "values": {"project": "p", "policy_data": json.marshal({"bindings": [
		{"role": "roles/iam.serviceAccountAdmin", "members": ["group:ops@example.com"]},
		{"role": "roles/iam.serviceAccountUser", "members": ["group:ops@example.com"]},
	]})}}
	{f.resource | some f in separation_of_duties.deny} == {"google_project_iam_policy.p"} with input as doc([p])
}

test_pass_separate_principals_or_projects if {
	count(separation_of_duties.deny) == 0 with input as doc([
		member("admin", "p", "roles/cloudkms.admin", "group:key-admins@example.com"),
		member("use", "p", "roles/cloudkms.cryptoKeyEncrypterDecrypter", "serviceAccount:app@p.iam.gserviceaccount.com"),
		member("sa_admin", "p", "roles/iam.serviceAccountAdmin", "user:jane@example.com"),
		member("sa_user", "q", "roles/iam.serviceAccountUser", "user:jane@example.com"),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([
		member("admin", "p", "roles/cloudkms.admin", "user:jane@example.com"),
		object.union(member("use", "p", "roles/cloudkms.cryptoKeyDecrypter", null), {"unknown": {"member": true}}),
	])
	count(separation_of_duties.deny) == 0 with input as input_doc
	separation_of_duties.unknown == {{"resource": "google_project_iam_member.use", "message": "google_project_iam_member.use.member is known only after apply"}} with input as input_doc
}

test_unknown_member_of_unrelated_role_is_not_reported if {
	input_doc := doc([object.union(member("viewer", "p", "roles/viewer", null), {"unknown": {"member": true}})])
	count(separation_of_duties.unknown) == 0 with input as input_doc
}
