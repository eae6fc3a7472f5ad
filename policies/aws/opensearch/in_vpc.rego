# METADATA
# title: OpenSearch domains run inside a VPC
# description: >-
#   Every aws_opensearch_domain and aws_elasticsearch_domain has vpc_options
#   with subnet_ids, so that its endpoint has private addresses reachable
#   only through the VPC. A domain outside a VPC has a public endpoint
#   where only its access policy stands between the Internet and the data.
# custom:
#   id: AWS-OS-003
#   severity: high
#   criteria: [CC6.1, CC6.6]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   remediation: >-
#     Add vpc_options { subnet_ids = [...private subnets...],
#     security_group_ids = [...] } (this replaces an existing public domain).
package soc2scan.rules.aws.opensearch.in_vpc

import data.soc2scan.lib.terraform as tf

domains := array.concat(tf.resources("aws_opensearch_domain"), tf.resources("aws_elasticsearch_domain"))

deny contains finding if {
	some d in domains
	not tf.contains_unknown(d, "vpc_options")
	count(subnets(d)) == 0
	finding := {"resource": d.id, "message": sprintf("%s has no vpc_options with subnet_ids: its endpoint is public", [d.id])}
}

unknown contains tf.undetermined(d, "vpc_options") if {
	some d in domains
	tf.contains_unknown(d, "vpc_options")
}

subnets(d) := s if {
	s := tf.value(d, ["vpc_options", 0, "subnet_ids"])
	is_array(s)
} else := []
