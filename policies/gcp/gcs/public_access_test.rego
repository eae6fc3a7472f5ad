package soc2scan.rules.gcp.gcs.public_access_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.gcs.public_access

bucket(name, values) := {"id": sprintf("google_storage_bucket.%s", [name]), "type": "google_storage_bucket", "values": values}

enforced := {"public_access_prevention": "enforced"}

test_fail_binding_to_all_users if {
	findings := public_access.deny with input as doc([{
		"id": "google_storage_bucket_iam_binding.viewers",
		"type": "google_storage_bucket_iam_binding",
		"values": {"bucket": "assets", "role": "roles/storage.objectViewer", "members": ["user:jane@example.com", "allUsers"]},
	}])
	findings == {{
		"resource": "google_storage_bucket_iam_binding.viewers",
		"message": "google_storage_bucket_iam_binding.viewers grants roles/storage.objectViewer to allUsers",
	}}
}

test_fail_member_all_authenticated_users if {
	findings := public_access.deny with input as doc([{
		"id": "google_storage_bucket_iam_member.m",
		"type": "google_storage_bucket_iam_member",
		"values": {"bucket": "assets", "role": "roles/storage.admin", "member": "allAuthenticatedUsers"},
	}])
	{f.resource | some f in findings} == {"google_storage_bucket_iam_member.m"}
}

test_fail_policy_from_data_source if {
	findings := public_access.deny with input as doc([
		{
			"id": "google_storage_bucket_iam_policy.p",
			"type": "google_storage_bucket_iam_policy",
			"values": {"bucket": "assets"},
			"unknown": {"policy_data": true},
			"refs": {"policy_data": ["data.google_iam_policy.p"]},
		},
		{
			"id": "data.google_iam_policy.p",
			"type": "google_iam_policy",
			"mode": "data",
			"values": {"binding": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]},
		},
	])
	{f.resource | some f in findings} == {"google_storage_bucket_iam_policy.p"}
}

test_fail_policy_json if {
	findings := public_access.deny with input as doc([{
		"id": "google_storage_bucket_iam_policy.p",
		"type": "google_storage_bucket_iam_policy",
		"values": {"policy_data": json.marshal({"bindings": [{"role": "roles/storage.objectViewer", "members": ["allAuthenticatedUsers"]}]})},
	}])
	{f.resource | some f in findings} == {"google_storage_bucket_iam_policy.p"}
}

test_fail_bucket_without_public_access_prevention if {
	findings := public_access.deny with input as doc([bucket("data", {}), bucket("logs", {"public_access_prevention": "inherited"})])
	findings == {
		{
			"resource": "google_storage_bucket.data",
			"message": "google_storage_bucket.data does not set public_access_prevention; the default \"inherited\" does not prevent public access",
		},
		{
			"resource": "google_storage_bucket.logs",
			"message": "google_storage_bucket.logs has public_access_prevention = \"inherited\", not \"enforced\"",
		},
	}
}

test_pass_named_members_and_enforced_bucket if {
	count(public_access.deny) == 0 with input as doc([
		bucket("data", enforced),
		{
			"id": "google_storage_bucket_iam_binding.b",
			"type": "google_storage_bucket_iam_binding",
			"values": {"role": "roles/storage.admin", "members": ["user:jane@example.com", "group:ops@example.com"]},
		},
		{
			"id": "google_storage_bucket_iam_binding.empty",
			"type": "google_storage_bucket_iam_binding",
			"values": {"role": "roles/storage.admin", "members": []},
		},
	])
}

test_unknown_members_are_not_a_finding if {
	input_doc := doc([
		{
			"id": "google_storage_bucket_iam_member.m",
			"type": "google_storage_bucket_iam_member",
			"values": {"role": "roles/storage.admin"},
			"unknown": {"member": true},
		},
		object.union(bucket("data", {}), {"unknown": {"public_access_prevention": true}}),
	])
	count(public_access.deny) == 0 with input as input_doc
	public_access.unknown == {
		{"resource": "google_storage_bucket_iam_member.m", "message": "google_storage_bucket_iam_member.m.member is known only after apply"},
		{"resource": "google_storage_bucket.data", "message": "public_access_prevention is known only after apply"},
	} with input as input_doc
}
