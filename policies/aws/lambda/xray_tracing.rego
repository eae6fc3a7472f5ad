# METADATA
# title: Lambda functions have active X-Ray tracing
# description: >-
#   Every aws_lambda_function sets tracing_config.mode = "Active"; the
#   default is PassThrough, which traces only requests an upstream service
#   already sampled. Traces show latency, errors and the calls a function
#   makes: monitoring data for spotting anomalies and diagnosing incidents.
# custom:
#   id: AWS-LAMBDA-005
#   severity: low
#   criteria: [CC7.2]
#   resource_types: [aws_lambda_function]
#   remediation: >-
#     Add tracing_config { mode = "Active" } and allow xray:PutTraceSegments
#     and xray:PutTelemetryRecords to the function's role (the
#     AWSXRayDaemonWriteAccess managed policy).
#   rationale: >-
#     No control-map row; tracing is monitoring of system components for
#     anomalies and errors (CC7.2).
package soc2scan.rules.aws.lambda.xray_tracing

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some f in tf.resources("aws_lambda_function")
	tf.is_known(f, ["tracing_config", 0, "mode"])
	mode := object.get(tf.value(f, ["tracing_config", 0]), "mode", "PassThrough")
	mode != "Active"
	finding := {"resource": f.id, "message": sprintf("%s has tracing_config.mode = %q, not \"Active\"", [f.id, mode])}
}

deny contains finding if {
	some f in tf.resources("aws_lambda_function")
	count(tf.blocks(f, "tracing_config")) == 0
	tf.is_known(f, "tracing_config")
	finding := {"resource": f.id, "message": sprintf("%s has no tracing_config; the default mode PassThrough does not trace it", [f.id])}
}

unknown contains tf.undetermined(f, "tracing_config.mode") if {
	some f in tf.resources("aws_lambda_function")
	tf.is_unknown(f, ["tracing_config", 0, "mode"])
}
