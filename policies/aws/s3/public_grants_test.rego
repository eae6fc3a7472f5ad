package soc2scan.rules.aws.s3.public_grants_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.s3.public_grants

policy(name, statements) := {
	"id": sprintf("aws_s3_bucket_policy.%s", [name]),
	"type": "aws_s3_bucket_policy",
	"values": {"policy": json.marshal({"Version": "2012-10-17", "Statement": statements})},
}

test_fail_public_acls if {
	findings := public_grants.deny with input as doc([
		{"id": "aws_s3_bucket.v3", "type": "aws_s3_bucket", "values": {"acl": "public-read"}},
		{"id": "aws_s3_bucket_acl.v4", "type": "aws_s3_bucket_acl", "values": {"acl": "public-read-write"}},
		{"id": "aws_s3_bucket_acl.grant", "type": "aws_s3_bucket_acl", "values": {"access_control_policy": [{"grant": [{
			"permission": "READ",
			"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}],
		}]}]}},
	])
	findings == {
		{"resource": "aws_s3_bucket.v3", "message": "aws_s3_bucket.v3 has acl = \"public-read\""},
		{"resource": "aws_s3_bucket_acl.v4", "message": "aws_s3_bucket_acl.v4 has acl = \"public-read-write\""},
		{"resource": "aws_s3_bucket_acl.grant", "message": "aws_s3_bucket_acl.grant grants access to http://acs.amazonaws.com/groups/global/AllUsers"},
	}
}

test_fail_policy_for_everyone if {
	findings := public_grants.deny with input as doc([policy("site", [{"Sid": "Public", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}])])
	findings == {{"resource": "aws_s3_bucket_policy.site", "message": "aws_s3_bucket_policy.site has a policy statement (Public) that allows s3:GetObject to Principal \"*\" without a condition on the caller"}}
}

test_pass_private_and_conditioned if {
	count(public_grants.deny) == 0 with input as doc([
		{"id": "aws_s3_bucket_acl.p", "type": "aws_s3_bucket_acl", "values": {"acl": "private"}},
		policy("org", [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}]),
		policy("tls", [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]),
		policy("role", [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:role/app"}, "Action": "s3:*", "Resource": "*"}]),
	])
}

test_unknown_policy_is_not_a_finding if {
	input_doc := doc([{"id": "aws_s3_bucket_policy.p", "type": "aws_s3_bucket_policy", "unknown": {"policy": true}}])
	count(public_grants.deny) == 0 with input as input_doc
	public_grants.unknown == {{"resource": "aws_s3_bucket_policy.p", "message": "aws_s3_bucket_policy.p.policy is known only after apply"}} with input as input_doc
}

test_fail_negated_or_open_conditions if {
	findings := public_grants.deny with input as doc([
		policy("not_org", [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-1"}}}]),
		policy("any_ip", [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["0.0.0.0/0"]}}}]),
	])
	{f.resource | some f in findings} == {"aws_s3_bucket_policy.not_org", "aws_s3_bucket_policy.any_ip"}
}

test_pass_computed_inline_policy_is_not_unknown if {
	input_doc := doc([{"id": "aws_s3_bucket.b", "type": "aws_s3_bucket", "unknown": {"policy": true}}])
	count(public_grants.deny) == 0 with input as input_doc
	count(public_grants.unknown) == 0 with input as input_doc
}
