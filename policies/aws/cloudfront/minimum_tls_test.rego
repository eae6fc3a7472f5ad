package soc2scan.rules.aws.cloudfront.minimum_tls_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.cloudfront.minimum_tls

cdn(name, cert) := {"id": sprintf("aws_cloudfront_distribution.%s", [name]), "type": "aws_cloudfront_distribution", "values": {"viewer_certificate": cert}}

test_fail_old_or_default if {
	findings := minimum_tls.deny with input as doc([
		{"id": "aws_cloudfront_distribution.none", "type": "aws_cloudfront_distribution"},
		cdn("default", [{"cloudfront_default_certificate": true}]),
		cdn("unset", [{"cloudfront_default_certificate": false}]),
		cdn("old", [{"acm_certificate_arn": "arn", "minimum_protocol_version": "TLSv1.1_2016"}]),
	])
	findings == {
		{"resource": "aws_cloudfront_distribution.none", "message": "aws_cloudfront_distribution.none has no viewer_certificate; the default certificate allows TLS 1.0"},
		{"resource": "aws_cloudfront_distribution.default", "message": "aws_cloudfront_distribution.default uses cloudfront_default_certificate, which allows TLS 1.0"},
		{"resource": "aws_cloudfront_distribution.unset", "message": "aws_cloudfront_distribution.unset does not set viewer_certificate.minimum_protocol_version; the default TLSv1 allows TLS 1.0"},
		{"resource": "aws_cloudfront_distribution.old", "message": "aws_cloudfront_distribution.old has viewer_certificate.minimum_protocol_version = \"TLSv1.1_2016\", older than TLS 1.2"},
	}
}

test_pass_tls12 if {
	count(minimum_tls.deny) == 0 with input as doc([
		cdn("a", [{"acm_certificate_arn": "arn", "minimum_protocol_version": "TLSv1.2_2021"}]),
		cdn("b", [{"cloudfront_default_certificate": false, "minimum_protocol_version": "TLSv1.2_2018"}]),
	])
}

test_unknown_certificate_is_not_a_finding if {
	d := doc([object.union(cdn("a", [{"acm_certificate_arn": "arn"}]), {"unknown": {"viewer_certificate": [{"minimum_protocol_version": true}]}})])
	count(minimum_tls.deny) == 0 with input as d
	minimum_tls.unknown == {{"resource": "aws_cloudfront_distribution.a", "message": "viewer_certificate is known only after apply"}} with input as d
}
