# METADATA
# title: Application load balancers drop invalid HTTP headers
# description: >-
#   Every application load balancer (aws_lb, aws_alb of type application,
#   the default) sets drop_invalid_header_fields = true; the provider's
#   default is false. Forwarding malformed header fields lets a client
#   smuggle requests or confuse the targets behind the boundary (HTTP
#   desync), which the boundary is there to stop.
# custom:
#   id: AWS-ELB-006
#   severity: medium
#   criteria: [CC6.6]
#   resource_types: [aws_lb, aws_alb]
#   remediation: Set drop_invalid_header_fields = true on the application load balancer.
#   rationale: >-
#     No control-map row; dropping malformed requests at the load balancer
#     is a boundary protection against external threats (CC6.6).
package soc2scan.rules.aws.elb.drop_invalid_headers

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

applications := [lb | some lb in aws.load_balancers; aws.load_balancer_type(lb) == "application"]

deny contains finding if {
	some lb in applications
	aws.absent(lb, "drop_invalid_header_fields")
	finding := {"resource": lb.id, "message": sprintf("%s does not set drop_invalid_header_fields; the default is false", [lb.id])}
}

deny contains finding if {
	some lb in applications
	aws.is_false(lb, "drop_invalid_header_fields")
	finding := {"resource": lb.id, "message": sprintf("%s sets drop_invalid_header_fields = false", [lb.id])}
}

unknown contains tf.undetermined(lb, attr) if {
	some lb in aws.load_balancers
	some attr in ["drop_invalid_header_fields", "load_balancer_type"]
	tf.is_unknown(lb, attr)
}
