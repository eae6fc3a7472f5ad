# METADATA
# title: OpenSearch domains publish audit and error logs
# description: >-
#   Every aws_opensearch_domain and aws_elasticsearch_domain has
#   log_publishing_options for AUDIT_LOGS and ES_APPLICATION_LOGS (the error
#   log) that are not disabled. Audit logs record who read and changed
#   which indices; error logs show failures: the evidence for detecting and
#   investigating misuse and incidents.
# custom:
#   id: AWS-OS-004
#   severity: medium
#   criteria: [CC7.2, CC7.3, A1.2]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   remediation: >-
#     Add log_publishing_options { log_type = "AUDIT_LOGS",
#     cloudwatch_log_group_arn = ... } and another for
#     "ES_APPLICATION_LOGS", with a CloudWatch Logs resource policy that lets
#     the service write, and enable fine-grained access control (required
#     for audit logs).
package soc2scan.rules.aws.opensearch.logging

import data.soc2scan.lib.terraform as tf

required := ["AUDIT_LOGS", "ES_APPLICATION_LOGS"]

domains := array.concat(tf.resources("aws_opensearch_domain"), tf.resources("aws_elasticsearch_domain"))

deny contains finding if {
	some d in domains
	not tf.contains_unknown(d, "log_publishing_options")
	published := {o.log_type | some o in tf.blocks(d, "log_publishing_options"); object.get(o, "enabled", true) != false}
	missing := [t | some t in required; not t in published]
	count(missing) > 0
	finding := {"resource": d.id, "message": sprintf("%s log_publishing_options do not publish %s", [d.id, concat(", ", missing)])}
}

unknown contains tf.undetermined(d, "log_publishing_options") if {
	some d in domains
	tf.contains_unknown(d, "log_publishing_options")
}
