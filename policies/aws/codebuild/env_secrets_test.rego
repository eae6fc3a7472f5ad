package soc2scan.rules.aws.codebuild.env_secrets_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.codebuild.env_secrets

project(vars) := {"id": "aws_codebuild_project.build", "type": "aws_codebuild_project", "values": {"environment": [{"environment_variable": vars}]}}

test_fail_plaintext_credentials if {
	findings := env_secrets.deny with input as doc([project([
		{"name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"},
		{"name": "GITHUB_TOKEN", "value": "ghp_abc", "type": "PLAINTEXT"},
		{"name": "STAGE", "value": "prod"},
	])])
	findings == {
		{"resource": "aws_codebuild_project.build", "message": "aws_codebuild_project.build PLAINTEXT environment_variable AWS_ACCESS_KEY_ID (holds an AWS access key id)"},
		{"resource": "aws_codebuild_project.build", "message": "aws_codebuild_project.build PLAINTEXT environment_variable GITHUB_TOKEN (a secret-looking name with a literal value)"},
	}
}

test_pass_secret_references if {
	count(env_secrets.deny) == 0 with input as doc([project([
		{"name": "GITHUB_TOKEN", "value": "ci/github-token", "type": "SECRETS_MANAGER"},
		{"name": "DB_PASSWORD", "value": "/ci/db-password", "type": "PARAMETER_STORE"},
	])])
}

test_unknown_environment_is_not_a_finding if {
	d := doc([{"id": "aws_codebuild_project.build", "type": "aws_codebuild_project", "unknown": {"environment": true}}])
	count(env_secrets.deny) == 0 with input as d
	env_secrets.unknown == {{"resource": "aws_codebuild_project.build", "message": "environment is known only after apply"}} with input as d
}
