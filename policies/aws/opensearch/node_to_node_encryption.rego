# METADATA
# title: OpenSearch domains encrypt traffic between nodes
# description: >-
#   Every aws_opensearch_domain and aws_elasticsearch_domain has
#   node_to_node_encryption { enabled = true }; without it, data moving
#   between the nodes of the domain travels in clear text inside the VPC.
# custom:
#   id: AWS-OS-002
#   severity: medium
#   criteria: [CC6.1, CC6.7]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   remediation: >-
#     Add node_to_node_encryption { enabled = true }.
package soc2scan.rules.aws.opensearch.node_to_node_encryption

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

resources := array.concat(tf.resources("aws_opensearch_domain"), tf.resources("aws_elasticsearch_domain"))

deny contains finding if {
	some r in resources
	why := aws.disabled(r, ["node_to_node_encryption", 0, "enabled"])
	finding := {"resource": r.id, "message": sprintf("%s %s", [r.id, why])}
}

unknown contains tf.undetermined(r, ["node_to_node_encryption", 0, "enabled"]) if {
	some r in resources
	tf.is_unknown(r, ["node_to_node_encryption", 0, "enabled"])
}
