# METADATA
# title: VPCs have flow logs
# description: >-
#   Every aws_vpc has an aws_flow_log whose vpc_id refers to it, capturing
#   ALL or at least REJECT traffic. Flow logs are the record of who talked to
#   what in the network; without them rejected probes and unexpected
#   connections leave no trace to investigate, and an auditor has no
#   evidence that network activity is monitored.
# custom:
#   id: AWS-VPC-003
#   severity: medium
#   criteria: [CC7.2, CC7.3]
#   resource_types: [aws_vpc]
#   remediation: >-
#     Add an aws_flow_log with vpc_id = aws_vpc.<name>.id, traffic_type =
#     "ALL" and a log_destination (a CloudWatch log group with iam_role_arn,
#     or an S3 bucket).
package soc2scan.rules.aws.vpc.flow_logs

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some vpc in tf.resources("aws_vpc")
	not logged(vpc)
	count(pending(vpc)) == 0
	finding := {"resource": vpc.id, "message": message(vpc)}
}

unknown contains tf.undetermined_because(vpc, reason) if {
	some vpc in tf.resources("aws_vpc")
	not logged(vpc)
	some reason in pending(vpc)
}

flow_logs(vpc) := tf.related(vpc, "aws_flow_log", "vpc_id")

logged(vpc) if {
	some log in flow_logs(vpc)
	tf.value(log, "traffic_type") in {"ALL", "REJECT"}
}

pending(vpc) := {sprintf("%s.traffic_type is known only after apply", [log.id]) |
	some log in flow_logs(vpc)
	tf.is_unknown(log, "traffic_type")
}

message(vpc) := sprintf("%s has no aws_flow_log (vpc_id refers to no flow log of it)", [vpc.id]) if {
	count(flow_logs(vpc)) == 0
} else := sprintf("%s has flow logs (%s) that capture neither ALL nor REJECT traffic", [vpc.id, concat(", ", sort([l.id | some l in flow_logs(vpc)]))])
