package soc2scan.rules.aws.stepfunctions.logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.stepfunctions.logging

machine(name, values) := {"id": sprintf("aws_sfn_state_machine.%s", [name]), "type": "aws_sfn_state_machine", "values": values}

test_fail_off_or_no_destination if {
	findings := logging.deny with input as doc([machine("a", {}), machine("b", {"logging_configuration": [{"level": "ERROR"}]})])
	findings == {
		{"resource": "aws_sfn_state_machine.a", "message": "aws_sfn_state_machine.a has logging_configuration.level = \"OFF\", not ALL or ERROR"},
		{"resource": "aws_sfn_state_machine.b", "message": "aws_sfn_state_machine.b has no logging_configuration.log_destination"},
	}
}

test_pass_logging if {
	count(logging.deny) == 0 with input as doc([machine("a", {"logging_configuration": [{"level": "ALL", "log_destination": "arn:aws:logs:eu-west-1:1:log-group:sfn:*"}]})])
}

test_unknown_destination_is_not_a_finding if {
	d := doc([object.union(machine("a", {"logging_configuration": [{"level": "ALL"}]}), {"unknown": {"logging_configuration": [{"log_destination": true}]}})])
	count(logging.deny) == 0 with input as d
	logging.unknown == {{"resource": "aws_sfn_state_machine.a", "message": "logging_configuration is known only after apply"}} with input as d
}
