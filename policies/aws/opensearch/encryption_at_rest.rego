# METADATA
# title: OpenSearch domains are encrypted at rest
# description: >-
#   Every aws_opensearch_domain and aws_elasticsearch_domain has
#   encrypt_at_rest { enabled = true }. Encryption at rest protects indices,
#   logs, swap files and automated snapshots outside the domain's access
#   controls.
# custom:
#   id: AWS-OS-001
#   severity: high
#   criteria: [CC6.1]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   remediation: >-
#     Add encrypt_at_rest { enabled = true, kms_key_id =
#     aws_kms_key.search.arn } (changing it on an existing domain replaces
#     it).
package soc2scan.rules.aws.opensearch.encryption_at_rest

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

resources := array.concat(tf.resources("aws_opensearch_domain"), tf.resources("aws_elasticsearch_domain"))

deny contains finding if {
	some r in resources
	why := aws.disabled(r, ["encrypt_at_rest", 0, "enabled"])
	finding := {"resource": r.id, "message": sprintf("%s %s", [r.id, why])}
}

unknown contains tf.undetermined(r, ["encrypt_at_rest", 0, "enabled"]) if {
	some r in resources
	tf.is_unknown(r, ["encrypt_at_rest", 0, "enabled"])
}
