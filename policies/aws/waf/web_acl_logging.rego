# METADATA
# title: WAF web ACLs log the requests they inspect
# description: >-
#   Every aws_wafv2_web_acl has an aws_wafv2_web_acl_logging_configuration
#   whose resource_arn refers to it, and every classic aws_waf_web_acl and
#   aws_wafregional_web_acl has a logging_configuration block. WAF logs
#   record each inspected request and the rule that matched: the evidence
#   for detecting attacks at the boundary and investigating them.
# custom:
#   id: AWS-WAF-001
#   severity: medium
#   criteria: [CC7.2, A1.2]
#   resource_types: [aws_wafv2_web_acl, aws_waf_web_acl, aws_wafregional_web_acl]
#   remediation: >-
#     Add an aws_wafv2_web_acl_logging_configuration with resource_arn =
#     aws_wafv2_web_acl.NAME.arn and log_destination_configs naming a
#     Firehose stream, CloudWatch log group (aws-waf-logs-*) or S3 bucket; on
#     classic WAF add logging_configuration { log_destination = ... }.
package soc2scan.rules.aws.waf.web_acl_logging

import data.soc2scan.lib.terraform as tf

classic := array.concat(tf.resources("aws_waf_web_acl"), tf.resources("aws_wafregional_web_acl"))

deny contains finding if {
	some acl in tf.resources("aws_wafv2_web_acl")
	not tf.has_related(acl, "aws_wafv2_web_acl_logging_configuration", "resource_arn")
	finding := {"resource": acl.id, "message": sprintf("%s has no aws_wafv2_web_acl_logging_configuration", [acl.id])}
}

deny contains finding if {
	some acl in classic
	count(tf.blocks(acl, "logging_configuration")) == 0
	tf.is_known(acl, "logging_configuration")
	finding := {"resource": acl.id, "message": sprintf("%s has no logging_configuration", [acl.id])}
}

unknown contains tf.undetermined(acl, "logging_configuration") if {
	some acl in classic
	tf.is_unknown(acl, "logging_configuration")
}
