package soc2scan.rules.aws.iam.access_keys_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.iam.access_keys

key(name, values) := {"id": sprintf("aws_iam_access_key.%s", [name]), "type": "aws_iam_access_key", "values": values}

test_fail_active_keys if {
	findings := access_keys.deny with input as doc([key("ci", {"user": "ci"}), key("root", {"user": "root", "status": "Active"})])
	findings == {
		{"resource": "aws_iam_access_key.ci", "message": "aws_iam_access_key.ci creates a long-lived access key (status Active)"},
		{"resource": "aws_iam_access_key.root", "message": "aws_iam_access_key.root creates an active access key for the root user"},
	}
}

test_pass_inactive_key if {
	count(access_keys.deny) == 0 with input as doc([key("old", {"user": "ci", "status": "Inactive"})])
}

test_unknown_status_is_not_a_finding if {
	input_doc := doc([object.union(key("ci", {"user": "ci"}), {"unknown": {"status": true}})])
	count(access_keys.deny) == 0 with input as input_doc
	access_keys.unknown == {{"resource": "aws_iam_access_key.ci", "message": "status is known only after apply"}} with input as input_doc
}
