# METADATA
# title: Lambda functions reserve their concurrency
# description: >-
#   Every aws_lambda_function sets reserved_concurrent_executions to 0 or
#   more; absent or -1 means the function draws from the account's shared
#   pool without limit. A runaway or attacked function can then exhaust the
#   pool and starve every other function, and capacity cannot be planned.
# custom:
#   id: AWS-LAMBDA-003
#   severity: low
#   criteria: [CC7.2, A1.1]
#   resource_types: [aws_lambda_function]
#   remediation: >-
#     Set reserved_concurrent_executions to the function's expected peak
#     concurrency (e.g. 50), and alarm on its Throttles metric.
package soc2scan.rules.aws.lambda.concurrency_limit

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some f in tf.resources("aws_lambda_function")
	aws.absent(f, "reserved_concurrent_executions")
	finding := {"resource": f.id, "message": sprintf("%s does not set reserved_concurrent_executions: its concurrency is unbounded", [f.id])}
}

deny contains finding if {
	some f in tf.resources("aws_lambda_function")
	v := tf.value(f, "reserved_concurrent_executions")
	to_number(v) < 0
	finding := {"resource": f.id, "message": sprintf("%s has reserved_concurrent_executions = %v: its concurrency is unbounded", [f.id, v])}
}

unknown contains tf.undetermined(f, "reserved_concurrent_executions") if {
	some f in tf.resources("aws_lambda_function")
	tf.is_unknown(f, "reserved_concurrent_executions")
}
