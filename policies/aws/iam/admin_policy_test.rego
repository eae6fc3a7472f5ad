package soc2scan.rules.aws.iam.admin_policy_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.iam.admin_policy

policy(type, name, statements) := {
	"id": sprintf("%s.%s", [type, name]),
	"type": type,
	"values": {"policy": json.marshal({"Version": "2012-10-17", "Statement": statements})},
}

admin := {"Effect": "Allow", "Action": "*", "Resource": "*"}

read_only := {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::audit", "arn:aws:s3:::audit/*"]}

test_fail_admin_policy if {
	findings := admin_policy.deny with input as doc([policy("aws_iam_policy", "admin", [admin]), policy("aws_iam_policy", "read_only", [read_only])])
	findings == {{
		"resource": "aws_iam_policy.admin",
		"message": "aws_iam_policy.admin has a policy statement that allows Action \"*\" on Resource \"*\"",
	}}
}

test_fail_every_inline_policy_type_and_list_form if {
	statement := {"Effect": "Allow", "Action": ["s3:GetObject", "*"], "Resource": ["*"]}
	findings := admin_policy.deny with input as doc([
		policy("aws_iam_role_policy", "r", [read_only, statement]),
		policy("aws_iam_user_policy", "u", [statement]),
		policy("aws_iam_group_policy", "g", [statement]),
	])
	{f.resource | some f in findings} == {"aws_iam_role_policy.r", "aws_iam_user_policy.u", "aws_iam_group_policy.g"}
}

test_fail_single_statement_object if {
	p := object.union(policy("aws_iam_policy", "admin", []), {"values": {"policy": json.marshal({"Statement": admin})}})
	{f.resource | some f in admin_policy.deny} == {"aws_iam_policy.admin"} with input as doc([p])
}

test_pass_scoped_policies if {
	count(admin_policy.deny) == 0 with input as doc([
		policy("aws_iam_policy", "read_only", [read_only]),
		policy("aws_iam_policy", "s3_admin", [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]),
		policy("aws_iam_policy", "all_on_one", [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::audit"}]),
	])
}

test_pass_deny_all if {
	count(admin_policy.deny) == 0 with input as doc([policy("aws_iam_policy", "deny", [{"Effect": "Deny", "Action": "*", "Resource": "*"}])])
}

test_pass_not_action_is_not_this_rule if {
	count(admin_policy.deny) == 0 with input as doc([policy("aws_iam_policy", "power_user", [{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}])])
}

document(statements, unknown) := {
	"id": "data.aws_iam_policy_document.admin",
	"type": "aws_iam_policy_document",
	"mode": "data",
	"values": {"statement": statements},
	"unknown": unknown,
}

policy_from_document := {
	"id": "aws_iam_policy.admin",
	"type": "aws_iam_policy",
	"unknown": {"policy": true},
	"refs": {"policy": ["data.aws_iam_policy_document.admin"]},
}

test_fail_admin_in_policy_document if {
	findings := admin_policy.deny with input as doc([policy_from_document, document([{"actions": ["*"], "resources": ["*"]}], {})])
	findings == {{
		"resource": "aws_iam_policy.admin",
		"message": "aws_iam_policy.admin has a policy statement that allows Action \"*\" on Resource \"*\" (in data.aws_iam_policy_document.admin)",
	}}
}

test_pass_scoped_policy_document if {
	count(admin_policy.deny) == 0 with input as doc([policy_from_document, document([{"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["*"]}], {})])
}

test_unknown_policy_is_not_a_finding if {
	p := object.remove(policy_from_document, ["refs"])
	input_doc := doc([p])
	count(admin_policy.deny) == 0 with input as input_doc
	admin_policy.unknown == {{"resource": "aws_iam_policy.admin", "message": "aws_iam_policy.admin.policy is known only after apply"}} with input as input_doc
}

test_unknown_resources_in_document_is_not_a_finding if {
	input_doc := doc([policy_from_document, document([{"effect": "Allow", "actions": ["*"]}], {"statement": [{"resources": true}]})])
	count(admin_policy.deny) == 0 with input as input_doc
	admin_policy.unknown == {{
		"resource": "aws_iam_policy.admin",
		"message": "a statement of data.aws_iam_policy_document.admin has values known only after apply",
	}} with input as input_doc
}

test_pass_unknown_resources_of_scoped_actions if {
	input_doc := doc([policy_from_document, document([{"effect": "Allow", "actions": ["s3:GetObject"]}], {"statement": [{"resources": true}]})])
	count(admin_policy.deny) == 0 with input as input_doc
	count(admin_policy.unknown) == 0 with input as input_doc
}
