# METADATA
# title: Lambda functions cannot be invoked by everyone
# description: >-
#   No aws_lambda_permission grants principal "*" without a source_arn,
#   source_account or principal_org_id condition, and no
#   aws_lambda_function_url has authorization_type = "NONE". Either makes
#   the function callable by anyone on the Internet, bypassing the access
#   controls an auditor expects around code that reads or changes data.
# custom:
#   id: AWS-LAMBDA-001
#   severity: critical
#   criteria: [CC6.1, CC6.6]
#   resource_types: [aws_lambda_permission, aws_lambda_function_url]
#   remediation: >-
#     Name the calling service or account in principal (e.g.
#     "events.amazonaws.com") and set source_arn or source_account; set
#     authorization_type = "AWS_IAM" on function URLs and grant
#     lambda:InvokeFunctionUrl to specific roles.
package soc2scan.rules.aws.lambda.not_public

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

conditions := ["source_arn", "source_account", "principal_org_id"]

deny contains finding if {
	some p in tf.resources("aws_lambda_permission")
	tf.value(p, "principal") == "*"
	every attr in conditions {
		aws.blank(p, attr)
	}
	finding := {"resource": p.id, "message": sprintf("%s grants principal \"*\" with no source_arn, source_account or principal_org_id", [p.id])}
}

deny contains finding if {
	some u in tf.resources("aws_lambda_function_url")
	tf.value(u, "authorization_type") == "NONE"
	finding := {"resource": u.id, "message": sprintf("%s has authorization_type = \"NONE\": anyone can invoke the function through its URL", [u.id])}
}

unknown contains tf.undetermined(p, "principal") if {
	some p in tf.resources("aws_lambda_permission")
	tf.is_unknown(p, "principal")
}

unknown contains tf.undetermined(u, "authorization_type") if {
	some u in tf.resources("aws_lambda_function_url")
	tf.is_unknown(u, "authorization_type")
}
