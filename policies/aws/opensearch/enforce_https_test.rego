package soc2scan.rules.aws.opensearch.enforce_https_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.opensearch.enforce_https

test_fail_http_allowed if {
	findings := enforce_https.deny with input as doc([
		{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain"},
		{"id": "aws_elasticsearch_domain.b", "type": "aws_elasticsearch_domain", "values": {"domain_endpoint_options": [{"enforce_https": false}]}},
	])
	findings == {
		{"resource": "aws_opensearch_domain.a", "message": "aws_opensearch_domain.a has no domain_endpoint_options: HTTPS is not enforced"},
		{"resource": "aws_elasticsearch_domain.b", "message": "aws_elasticsearch_domain.b sets domain_endpoint_options.enforce_https = false"},
	}
}

test_pass_https if {
	count(enforce_https.deny) == 0 with input as doc([
		{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain", "values": {"domain_endpoint_options": [{"enforce_https": true}]}},
		{"id": "aws_opensearch_domain.b", "type": "aws_opensearch_domain", "values": {"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain", "values": {"domain_endpoint_options": [{}]}, "unknown": {"domain_endpoint_options": [{"enforce_https": true}]}}])
	count(enforce_https.deny) == 0 with input as d
	enforce_https.unknown == {{"resource": "aws_opensearch_domain.a", "message": "domain_endpoint_options.enforce_https is known only after apply"}} with input as d
}
