# METADATA
# title: Lambda environment variables hold no plain-text secrets
# description: >-
#   No environment variable of an aws_lambda_function holds an AWS access key
#   id, or a literal value under a name that says password, secret, token or
#   key. Environment variables are readable by anyone who can read the
#   function's configuration and end up in state files and plans; secrets
#   belong in Secrets Manager or SSM Parameter Store, fetched at run time.
# custom:
#   id: AWS-LAMBDA-004
#   severity: high
#   criteria: [CC6.1, CC6.6, CC6.7]
#   resource_types: [aws_lambda_function]
#   remediation: >-
#     Store the value in aws_secretsmanager_secret (or an SSM SecureString
#     parameter), pass its ARN or name in the environment variable, and read
#     it at run time with an IAM role that may read only that secret; rotate
#     the exposed credential.
package soc2scan.rules.aws.lambda.env_secrets

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some f in tf.resources("aws_lambda_function")
	vars := tf.value(f, ["environment", 0, "variables"])
	is_object(vars)
	some what in aws.secret_findings(vars)
	finding := {"resource": f.id, "message": sprintf("%s environment variable %s", [f.id, what])}
}

unknown contains tf.undetermined(f, "environment") if {
	some f in tf.resources("aws_lambda_function")
	tf.is_unknown(f, "environment")
}
