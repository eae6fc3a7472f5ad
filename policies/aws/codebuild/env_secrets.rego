# METADATA
# title: CodeBuild projects keep no credentials in plain-text variables
# description: >-
#   No PLAINTEXT environment_variable (the default type) of an
#   aws_codebuild_project holds an AWS access key id, or a literal value
#   under a name that says password, secret, token or key. Plain-text
#   variables are shown to anyone who can read the project and end up in
#   state files and build logs; credentials belong in Secrets Manager or
#   Parameter Store, referenced with type SECRETS_MANAGER or
#   PARAMETER_STORE.
# custom:
#   id: AWS-CB-001
#   severity: high
#   criteria: [CC6.1, CC7.2, CC8.1]
#   resource_types: [aws_codebuild_project]
#   remediation: >-
#     Store the value in Secrets Manager or Parameter Store and declare the
#     variable with type = "SECRETS_MANAGER" (or "PARAMETER_STORE") and the
#     secret's name as value; rotate the exposed credential.
package soc2scan.rules.aws.codebuild.env_secrets

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some p in tf.resources("aws_codebuild_project")
	some env in tf.blocks(p, "environment")
	vars := {v.name: v.value |
		some v in object.get(env, "environment_variable", [])
		upper(object.get(v, "type", "PLAINTEXT")) == "PLAINTEXT"
		is_string(v.name)
	}
	some what in aws.secret_findings(vars)
	finding := {"resource": p.id, "message": sprintf("%s PLAINTEXT environment_variable %s", [p.id, what])}
}

unknown contains tf.undetermined(p, "environment") if {
	some p in tf.resources("aws_codebuild_project")
	tf.is_unknown(p, "environment")
}
