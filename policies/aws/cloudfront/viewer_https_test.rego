package soc2scan.rules.aws.cloudfront.viewer_https_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudfront.viewer_https

distribution(first, ordered) := {
	"id": "aws_cloudfront_distribution.cdn",
	"type": "aws_cloudfront_distribution",
	"values": {
		"default_cache_behavior": [{"viewer_protocol_policy": first}],
		"ordered_cache_behavior": [{"path_pattern": "/static/*", "viewer_protocol_policy": p} | some p in ordered],
	},
}

test_fail_allow_all if {
	findings := viewer_https.deny with input as doc([distribution("allow-all", ["https-only", "allow-all"])])
	findings == {
		{"resource": "aws_cloudfront_distribution.cdn", "message": "aws_cloudfront_distribution.cdn default_cache_behavior has viewer_protocol_policy = \"allow-all\""},
		{"resource": "aws_cloudfront_distribution.cdn", "message": "aws_cloudfront_distribution.cdn ordered_cache_behavior has viewer_protocol_policy = \"allow-all\" (path_pattern \"/static/*\")"},
	}
}

test_pass_https if {
	count(viewer_https.deny) == 0 with input as doc([distribution("redirect-to-https", ["https-only"])])
}

test_unknown_policy_is_not_a_finding if {
	d := object.union(distribution("allow-all", []), {"values": {"default_cache_behavior": [{}]}, "unknown": {"default_cache_behavior": [{"viewer_protocol_policy": true}]}})
	count(viewer_https.deny) == 0 with input as doc([d])
	viewer_https.unknown == {{"resource": "aws_cloudfront_distribution.cdn", "message": "default_cache_behavior.0.viewer_protocol_policy is known only after apply"}} with input as doc([d])
}
