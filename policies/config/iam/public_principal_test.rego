package soc2scan.rules.config.iam.public_principal_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.iam.public_principal

bucket(statements) := testing.config([{"id": "site/bucket-policy.json", "type": "s3_bucket_policy", "values": {
	"Version": "2012-10-17",
	"Statement": statements,
}}])

test_fail_public_read if {
	findings := public_principal.deny with input as bucket([{
		"Sid": "PublicRead",
		"Effect": "Allow",
		"Principal": "*",
		"Action": "s3:GetObject",
		"Resource": "arn:aws:s3:::site/*",
	}])
	findings == {{
		"resource": "site/bucket-policy.json",
		"message": `site/bucket-policy.json: statement "PublicRead" allows Principal "*" to s3:GetObject with no condition on who the caller is`,
		"path": ["Statement", 0],
	}}
}

test_fail_aws_star_principal_in_a_trust_policy if {
	findings := public_principal.deny with input as testing.config([{"id": "trust.json", "type": "resource_policy", "values": {"Statement": {
		"Effect": "Allow",
		"Principal": {"AWS": ["*"]},
		"Action": "sts:AssumeRole",
	}}}])
	count(findings) == 1
}

test_fail_condition_that_does_not_restrict_the_caller if {
	findings := public_principal.deny with input as bucket([{
		"Effect": "Allow",
		"Principal": {"AWS": "*"},
		"Action": "s3:GetObject",
		"Resource": "arn:aws:s3:::site/*",
		"Condition": {"Bool": {"aws:SecureTransport": "true"}},
	}])
	count(findings) == 1
}

test_pass_org_condition if {
	findings := public_principal.deny with input as bucket([{
		"Effect": "Allow",
		"Principal": "*",
		"Action": "s3:GetObject",
		"Resource": "arn:aws:s3:::site/*",
		"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}},
	}])
	count(findings) == 0
}

test_pass_named_principal_and_deny_everyone if {
	findings := public_principal.deny with input as bucket([
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "s3:*", "Resource": "arn:aws:s3:::site/*"},
		{
			"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::site/*",
			"Condition": {"Bool": {"aws:SecureTransport": "false"}},
		},
	])
	count(findings) == 0
}
