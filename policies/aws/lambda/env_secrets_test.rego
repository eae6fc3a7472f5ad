package soc2scan.rules.aws.lambda.env_secrets_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.lambda.env_secrets

fn(vars) := {"id": "aws_lambda_function.api", "type": "aws_lambda_function", "values": {"environment": [{"variables": vars}]}}

test_fail_access_key_and_password if {
	findings := env_secrets.deny with input as doc([fn({"foo": "AKIAIOSFODNN7EXAMPLE", "DB_PASSWORD": "hunter22", "LOG_LEVEL": "info"})])
	findings == {
		{"resource": "aws_lambda_function.api", "message": "aws_lambda_function.api environment variable foo (holds an AWS access key id)"},
		{"resource": "aws_lambda_function.api", "message": "aws_lambda_function.api environment variable DB_PASSWORD (a secret-looking name with a literal value)"},
	}
}

test_pass_references_and_plain_values if {
	count(env_secrets.deny) == 0 with input as doc([fn({
		"foo": "test",
		"DB_PASSWORD_SECRET_ARN": "arn:aws:secretsmanager:eu-west-1:1:secret:db",
		"API_TOKEN_PARAM": "/app/api-token",
		"SECRET": "",
	})])
}

test_unknown_environment_is_not_a_finding if {
	d := doc([{"id": "aws_lambda_function.api", "type": "aws_lambda_function", "unknown": {"environment": true}}])
	count(env_secrets.deny) == 0 with input as d
	env_secrets.unknown == {{"resource": "aws_lambda_function.api", "message": "environment is known only after apply"}} with input as d
}
