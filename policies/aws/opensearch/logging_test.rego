package soc2scan.rules.aws.opensearch.logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.opensearch.logging

domain(options) := {"id": "aws_opensearch_domain.a", "type": "aws_opensearch_domain", "values": {"log_publishing_options": options}}

test_fail_missing_logs if {
	findings := logging.deny with input as doc([domain([{"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "arn", "enabled": false}])])
	findings == {{"resource": "aws_opensearch_domain.a", "message": "aws_opensearch_domain.a log_publishing_options do not publish AUDIT_LOGS, ES_APPLICATION_LOGS"}}
}

test_pass_both_logs if {
	count(logging.deny) == 0 with input as doc([domain([
		{"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "arn"},
		{"log_type": "ES_APPLICATION_LOGS", "cloudwatch_log_group_arn": "arn", "enabled": true},
	])])
}

test_unknown_options_are_not_a_finding if {
	d := doc([object.union(domain([]), {"unknown": {"log_publishing_options": true}})])
	count(logging.deny) == 0 with input as d
	logging.unknown == {{"resource": "aws_opensearch_domain.a", "message": "log_publishing_options is known only after apply"}} with input as d
}
