# METADATA
# title: OpenSearch domains require HTTPS
# description: >-
#   Every aws_opensearch_domain and aws_elasticsearch_domain has
#   domain_endpoint_options with enforce_https not false (true is the
#   block's default). Without the block the service's own default accepts
#   plain HTTP, so queries, documents and credentials can cross the network
#   in clear text.
# custom:
#   id: AWS-OS-005
#   severity: high
#   criteria: [CC6.7]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   remediation: >-
#     Add domain_endpoint_options { enforce_https = true,
#     tls_security_policy = "Policy-Min-TLS-1-2-2019-07" }.
#   rationale: >-
#     No control-map row; requiring HTTPS protects data in transit to the
#     domain (CC6.7).
package soc2scan.rules.aws.opensearch.enforce_https

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

domains := array.concat(tf.resources("aws_opensearch_domain"), tf.resources("aws_elasticsearch_domain"))

deny contains finding if {
	some d in domains
	count(tf.blocks(d, "domain_endpoint_options")) == 0
	tf.is_known(d, "domain_endpoint_options")
	finding := {"resource": d.id, "message": sprintf("%s has no domain_endpoint_options: HTTPS is not enforced", [d.id])}
}

deny contains finding if {
	some d in domains
	aws.is_false(d, ["domain_endpoint_options", 0, "enforce_https"])
	finding := {"resource": d.id, "message": sprintf("%s sets domain_endpoint_options.enforce_https = false", [d.id])}
}

unknown contains tf.undetermined(d, "domain_endpoint_options.enforce_https") if {
	some d in domains
	tf.is_unknown(d, ["domain_endpoint_options", 0, "enforce_https"])
}
