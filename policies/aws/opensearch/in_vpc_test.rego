package soc2scan.rules.aws.opensearch.in_vpc_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.opensearch.in_vpc

test_fail_public_domain if {
	findings := in_vpc.deny with input as doc([{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain"}])
	findings == {{"resource": "aws_opensearch_domain.a", "message": "aws_opensearch_domain.a has no vpc_options with subnet_ids: its endpoint is public"}}
}

test_pass_vpc if {
	count(in_vpc.deny) == 0 with input as doc([{"id": "aws_elasticsearch_domain.a", "type": "aws_elasticsearch_domain", "values": {"vpc_options": [{"subnet_ids": ["subnet-1"]}]}}])
}

test_unknown_subnets_are_not_a_finding if {
	d := doc([{"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain", "values": {"vpc_options": [{}]}, "unknown": {"vpc_options": [{"subnet_ids": true}]}}])
	count(in_vpc.deny) == 0 with input as d
	in_vpc.unknown == {{"resource": "aws_opensearch_domain.a", "message": "vpc_options is known only after apply"}} with input as d
}
