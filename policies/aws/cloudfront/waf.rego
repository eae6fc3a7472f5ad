# METADATA
# title: CloudFront distributions are protected by a WAF
# description: >-
#   Every aws_cloudfront_distribution sets web_acl_id to a WAF web ACL. A
#   distribution is a public entry point; a web application firewall at
#   the edge filters common attacks and floods before they reach the
#   origin, the boundary protection an auditor looks for.
# custom:
#   id: AWS-CF-003
#   severity: medium
#   criteria: [CC6.6]
#   resource_types: [aws_cloudfront_distribution]
#   remediation: >-
#     Set web_acl_id to the ARN of an aws_wafv2_web_acl with scope =
#     "CLOUDFRONT" (created in us-east-1).
package soc2scan.rules.aws.cloudfront.waf

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some d in tf.resources("aws_cloudfront_distribution")
	aws.blank(d, "web_acl_id")
	finding := {"resource": d.id, "message": sprintf("%s has no web_acl_id: no WAF web ACL protects it", [d.id])}
}

unknown contains tf.undetermined(d, "web_acl_id") if {
	some d in tf.resources("aws_cloudfront_distribution")
	tf.is_unknown(d, "web_acl_id")
}
