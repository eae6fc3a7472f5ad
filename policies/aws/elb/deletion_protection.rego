# METADATA
# title: Load balancers have deletion protection
# description: >-
#   Every application, network and gateway load balancer (aws_lb, aws_alb)
#   sets enable_deletion_protection = true; the provider's default is false.
#   Deleting a load balancer takes every service behind it offline and
#   changes its DNS name; protection makes that an explicit, reviewable
#   change instead of a side effect of a plan.
# custom:
#   id: AWS-ELB-005
#   severity: low
#   criteria: [A1.2, CC8.1]
#   resource_types: [aws_lb, aws_alb]
#   remediation: Set enable_deletion_protection = true on the load balancer.
#   rationale: >-
#     No control-map row; the concept (alb-deletion-protection) protects the
#     availability of recovery infrastructure (A1.2) and keeps removal a
#     deliberate, authorised change (CC8.1).
package soc2scan.rules.aws.elb.deletion_protection

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some lb in aws.load_balancers
	aws.absent(lb, "enable_deletion_protection")
	finding := {"resource": lb.id, "message": sprintf("%s does not set enable_deletion_protection; the default is false", [lb.id])}
}

deny contains finding if {
	some lb in aws.load_balancers
	aws.is_false(lb, "enable_deletion_protection")
	finding := {"resource": lb.id, "message": sprintf("%s sets enable_deletion_protection = false", [lb.id])}
}

unknown contains tf.undetermined(lb, "enable_deletion_protection") if {
	some lb in aws.load_balancers
	tf.is_unknown(lb, "enable_deletion_protection")
}
