# METADATA
# title: ElastiCache replication groups encrypt data in transit
# description: >-
#   Every aws_elasticache_replication_group (Redis or Valkey) sets
#   transit_encryption_enabled = true; the default is false. Without TLS,
#   cached data, commands and AUTH tokens cross the network in clear text,
#   where anyone on the path can read or alter them.
# custom:
#   id: AWS-EC-001
#   severity: high
#   criteria: [CC6.7]
#   resource_types: [aws_elasticache_replication_group]
#   remediation: >-
#     Set transit_encryption_enabled = true (with an auth_token or RBAC user
#     group) and connect clients with TLS.
package soc2scan.rules.aws.elasticache.transit_encryption

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

resources := tf.resources("aws_elasticache_replication_group")

deny contains finding if {
	some r in resources
	why := aws.disabled(r, "transit_encryption_enabled")
	finding := {"resource": r.id, "message": sprintf("%s %s", [r.id, why])}
}

unknown contains tf.undetermined(r, "transit_encryption_enabled") if {
	some r in resources
	tf.is_unknown(r, "transit_encryption_enabled")
}
