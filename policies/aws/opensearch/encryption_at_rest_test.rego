package soc2scan.rules.aws.opensearch.encryption_at_rest_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.opensearch.encryption_at_rest

test_fail_absent_or_false if {
	findings := encryption_at_rest.deny with input as doc([
		{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain"},
		{"id": "aws_opensearch_domain.b", "type": "aws_opensearch_domain", "values": {"encrypt_at_rest": [{"enabled": false}]}},
	])
	findings == {
		{"resource": "aws_opensearch_domain.a", "message": "aws_opensearch_domain.a does not set encrypt_at_rest.enabled (the default is false)"},
		{"resource": "aws_opensearch_domain.b", "message": "aws_opensearch_domain.b sets encrypt_at_rest.enabled = false"},
	}
}

test_pass_enabled if {
	count(encryption_at_rest.deny) == 0 with input as doc([
		{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain", "values": {"encrypt_at_rest": [{"enabled": true}]}},
		{"id": "aws_elasticsearch_domain.b", "type": "aws_elasticsearch_domain", "values": {"encrypt_at_rest": [{"enabled": "true"}]}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain", "unknown": {"encrypt_at_rest": [{"enabled": true}]}}])
	count(encryption_at_rest.deny) == 0 with input as d
	encryption_at_rest.unknown == {{"resource": "aws_opensearch_domain.a", "message": "encrypt_at_rest.0.enabled is known only after apply"}} with input as d
}
