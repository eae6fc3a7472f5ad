package soc2scan.rules.aws.vpc.flow_logs_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.vpc.flow_logs

vpc := {"id": "aws_vpc.main", "type": "aws_vpc", "values": {"cidr_block": "10.0.0.0/16"}}

log(name, vpc_id, traffic) := {"id": sprintf("aws_flow_log.%s", [name]), "type": "aws_flow_log", "values": {"traffic_type": traffic}, "refs": {"vpc_id": [vpc_id]}}

test_fail_no_flow_log if {
	findings := flow_logs.deny with input as doc([vpc, log("other", "aws_vpc.other", "ALL")])
	findings == {{"resource": "aws_vpc.main", "message": "aws_vpc.main has no aws_flow_log (vpc_id refers to no flow log of it)"}}
}

test_fail_accept_only if {
	findings := flow_logs.deny with input as doc([vpc, log("accept", "aws_vpc.main", "ACCEPT")])
	findings == {{"resource": "aws_vpc.main", "message": "aws_vpc.main has flow logs (aws_flow_log.accept) that capture neither ALL nor REJECT traffic"}}
}

test_pass_all_traffic if {
	count(flow_logs.deny) == 0 with input as doc([vpc, log("all", "aws_vpc.main", "ALL")])
}

test_unknown_traffic_type_is_not_a_finding if {
	input_doc := doc([vpc, object.union(log("x", "aws_vpc.main", null), {"unknown": {"traffic_type": true}})])
	count(flow_logs.deny) == 0 with input as input_doc
	flow_logs.unknown == {{"resource": "aws_vpc.main", "message": "aws_flow_log.x.traffic_type is known only after apply"}} with input as input_doc
}
