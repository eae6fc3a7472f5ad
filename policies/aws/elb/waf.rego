# METADATA
# title: Internet-facing application load balancers are protected by a WAF
# description: >-
#   Every internet-facing application load balancer (aws_lb or aws_alb whose
#   internal is not true) is the resource_arn of an
#   aws_wafv2_web_acl_association or aws_wafregional_web_acl_association. A
#   web application firewall filters common attacks (injection, bad bots,
#   floods) at the boundary; an auditor looks for it in front of every
#   public web entry point.
# custom:
#   id: AWS-ELB-003
#   severity: medium
#   criteria: [CC6.1, CC6.6]
#   resource_types: [aws_lb, aws_alb]
#   remediation: >-
#     Add an aws_wafv2_web_acl_association with resource_arn =
#     aws_lb.NAME.arn and web_acl_arn of a regional aws_wafv2_web_acl (for
#     example with the AWS managed common rule set).
package soc2scan.rules.aws.elb.waf

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some lb in public_application_load_balancers
	not aws.waf_protected(lb)
	finding := {"resource": lb.id, "message": sprintf("%s is an internet-facing application load balancer and no WAF web ACL association refers to it", [lb.id])}
}

unknown contains tf.undetermined(lb, attr) if {
	some lb in aws.load_balancers
	some attr in ["internal", "load_balancer_type"]
	tf.is_unknown(lb, attr)
}

public_application_load_balancers := [lb |
	some lb in aws.load_balancers
	aws.load_balancer_type(lb) == "application"
	tf.is_known(lb, "internal")
	not aws.is_true(lb, "internal")
]
