# METADATA
# title: Step Functions state machines log executions
# description: >-
#   Every aws_sfn_state_machine has a logging_configuration with level ALL
#   or ERROR and a log_destination; the default level OFF records nothing.
#   Execution logs show which workflow runs failed and why: the evidence
#   that processing was complete and that failures were noticed.
# custom:
#   id: AWS-SFN-001
#   severity: medium
#   criteria: [CC7.2, A1.2, PI1.3]
#   resource_types: [aws_sfn_state_machine]
#   remediation: >-
#     Add logging_configuration { level = "ERROR" (or "ALL"),
#     include_execution_data = true, log_destination =
#     "${aws_cloudwatch_log_group.sfn.arn}:*" }.
package soc2scan.rules.aws.stepfunctions.logging

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some m in tf.resources("aws_sfn_state_machine")
	tf.is_known(m, ["logging_configuration", 0, "level"])
	level := object.get(aws.block(m, "logging_configuration"), "level", "OFF")
	not upper(level) in {"ALL", "ERROR"}
	finding := {"resource": m.id, "message": sprintf("%s has logging_configuration.level = %q, not ALL or ERROR", [m.id, level])}
}

deny contains finding if {
	some m in tf.resources("aws_sfn_state_machine")
	upper(tf.value(m, ["logging_configuration", 0, "level"])) in {"ALL", "ERROR"}
	aws.blank(m, ["logging_configuration", 0, "log_destination"])
	finding := {"resource": m.id, "message": sprintf("%s has no logging_configuration.log_destination", [m.id])}
}

unknown contains tf.undetermined(m, "logging_configuration") if {
	some m in tf.resources("aws_sfn_state_machine")
	some attr in ["level", "log_destination"]
	tf.is_unknown(m, ["logging_configuration", 0, attr])
}
