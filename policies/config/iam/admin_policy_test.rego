package soc2scan.rules.config.iam.admin_policy_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.iam.admin_policy

policy(statements) := {"Version": "2012-10-17", "Statement": statements}

test_fail_star_on_star if {
	findings := admin_policy.deny with input as testing.config([{"id": "iam/admin.json", "type": "iam_policy", "values": policy([
		{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
		{"Sid": "Everything", "Effect": "Allow", "Action": "*", "Resource": "*"},
	])}])
	findings == {{
		"resource": "iam/admin.json",
		"message": `iam/admin.json: statement "Everything" allows Action "*" on Resource "*"`,
		"path": ["Statement", 1],
	}}
}

test_fail_service_wildcard_form_in_lists_and_single_statement if {
	findings := admin_policy.deny with input as testing.config([{"id": "p.yaml", "type": "iam_policy", "values": {"Statement": {
		"Effect": "Allow",
		"Action": ["ec2:*", "*:*"],
		"Resource": ["arn:aws:s3:::b", "*"],
	}}}])
	findings == {{"resource": "p.yaml", "message": `p.yaml: statement 1 allows Action "*:*" on Resource "*"`, "path": ["Statement"]}}
}

test_fail_resource_policy if {
	findings := admin_policy.deny with input as testing.config([{"id": "kms.json", "type": "resource_policy", "values": policy([
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*", "Resource": "*"},
	])}])
	count(findings) == 1
}

test_pass_scoped_actions if {
	findings := admin_policy.deny with input as testing.config([{"id": "p.json", "type": "iam_policy", "values": policy([
		{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"},
		{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::scratch/*"},
	])}])
	count(findings) == 0
}

test_pass_deny_star if {
	findings := admin_policy.deny with input as testing.config([{"id": "p.json", "type": "iam_policy", "values": policy([
		{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}},
	])}])
	count(findings) == 0
}

test_pass_other_config_types_are_not_read if {
	findings := admin_policy.deny with input as testing.config([{"id": "app.json", "type": "config", "values": policy([
		{"Effect": "Allow", "Action": "*", "Resource": "*"},
	])}])
	count(findings) == 0
}
