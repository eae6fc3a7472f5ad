package soc2scan.rules.aws.opensearch.node_to_node_encryption_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.opensearch.node_to_node_encryption

test_fail_absent_or_false if {
	findings := node_to_node_encryption.deny with input as doc([
		{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain"},
		{"id": "aws_opensearch_domain.b", "type": "aws_opensearch_domain", "values": {"node_to_node_encryption": [{"enabled": false}]}},
	])
	findings == {
		{"resource": "aws_opensearch_domain.a", "message": "aws_opensearch_domain.a does not set node_to_node_encryption.enabled (the default is false)"},
		{"resource": "aws_opensearch_domain.b", "message": "aws_opensearch_domain.b sets node_to_node_encryption.enabled = false"},
	}
}

test_pass_enabled if {
	count(node_to_node_encryption.deny) == 0 with input as doc([
		{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain", "values": {"node_to_node_encryption": [{"enabled": true}]}},
		{"id": "aws_elasticsearch_domain.b", "type": "aws_elasticsearch_domain", "values": {"node_to_node_encryption": [{"enabled": "true"}]}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain", "unknown": {"node_to_node_encryption": [{"enabled": true}]}}])
	count(node_to_node_encryption.deny) == 0 with input as d
	node_to_node_encryption.unknown == {{"resource": "aws_opensearch_domain.a", "message": "node_to_node_encryption.0.enabled is known only after apply"}} with input as d
}
