package soc2scan.rules.aws.lambda.not_public_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.lambda.not_public

permission(name, values) := {"id": sprintf("aws_lambda_permission.%s", [name]), "type": "aws_lambda_permission", "values": object.union({"action": "lambda:InvokeFunction"}, values)}

test_fail_everyone_and_open_url if {
	findings := not_public.deny with input as doc([
		permission("open", {"principal": "*"}),
		{"id": "aws_lambda_function_url.open", "type": "aws_lambda_function_url", "values": {"authorization_type": "NONE"}},
	])
	findings == {
		{"resource": "aws_lambda_permission.open", "message": "aws_lambda_permission.open grants principal \"*\" with no source_arn, source_account or principal_org_id"},
		{"resource": "aws_lambda_function_url.open", "message": "aws_lambda_function_url.open has authorization_type = \"NONE\": anyone can invoke the function through its URL"},
	}
}

test_pass_service_principal_or_condition if {
	count(not_public.deny) == 0 with input as doc([
		permission("events", {"principal": "events.amazonaws.com", "source_arn": "arn:aws:events:eu-west-1:1:rule/x"}),
		permission("conditioned", {"principal": "*", "source_account": "111122223333"}),
		{"id": "aws_lambda_function_url.iam", "type": "aws_lambda_function_url", "values": {"authorization_type": "AWS_IAM"}},
	])
}

test_unknown_principal_is_not_a_finding if {
	d := doc([object.union(permission("x", {}), {"unknown": {"principal": true}})])
	count(not_public.deny) == 0 with input as d
	not_public.unknown == {{"resource": "aws_lambda_permission.x", "message": "principal is known only after apply"}} with input as d
}
