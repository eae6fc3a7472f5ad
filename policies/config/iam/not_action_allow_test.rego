package soc2scan.rules.config.iam.not_action_allow_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.iam.not_action_allow

test_fail_allow_not_action if {
	findings := not_action_allow.deny with input as testing.config([{"id": "poweruser.json", "type": "iam_policy", "values": {
		"Version": "2012-10-17",
		"Statement": [{"Sid": "AllButIAM", "Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}],
	}}])
	findings == {{
		"resource": "poweruser.json",
		"message": `poweruser.json: statement "AllButIAM" allows every action except iam:*, organizations:* (Effect "Allow" with NotAction)`,
		"path": ["Statement", 0],
	}}
}

test_fail_in_a_bucket_policy if {
	findings := not_action_allow.deny with input as testing.config([{"id": "bucket.json", "type": "s3_bucket_policy", "values": {"Statement": [{
		"Effect": "Allow",
		"Principal": {"AWS": "arn:aws:iam::111122223333:role/app"},
		"NotAction": "s3:DeleteBucket",
		"Resource": "arn:aws:s3:::b/*",
	}]}}])
	count(findings) == 1
}

test_pass_deny_not_action if {
	# The usual MFA guard: deny everything except managing one's own MFA.
	findings := not_action_allow.deny with input as testing.config([{"id": "mfa.json", "type": "iam_policy", "values": {"Statement": [
		{"Effect": "Deny", "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice"], "Resource": "*"},
		{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
	]}}])
	count(findings) == 0
}
