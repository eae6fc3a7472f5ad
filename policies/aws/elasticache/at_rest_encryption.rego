# METADATA
# title: ElastiCache replication groups encrypt data at rest
# description: >-
#   Every aws_elasticache_replication_group sets at_rest_encryption_enabled
#   = true; for the redis engine the default is false (valkey defaults to
#   true) and it cannot be changed after creation. Encryption at rest
#   protects cached data, backups and snapshots outside the cache's access
#   controls.
# custom:
#   id: AWS-EC-002
#   severity: high
#   criteria: [CC6.1]
#   resource_types: [aws_elasticache_replication_group]
#   remediation: >-
#     Set at_rest_encryption_enabled = true and kms_key_id to a customer-
#     managed aws_kms_key; for an existing group, create a new encrypted one
#     from a backup.
package soc2scan.rules.aws.elasticache.at_rest_encryption

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

resources := tf.resources("aws_elasticache_replication_group")

deny contains finding if {
	some r in resources
	why := aws.disabled(r, "at_rest_encryption_enabled")
	not valkey_default(r)
	finding := {"resource": r.id, "message": sprintf("%s %s", [r.id, why])}
}

unknown contains tf.undetermined(r, "at_rest_encryption_enabled") if {
	some r in resources
	tf.is_unknown(r, "at_rest_encryption_enabled")
}

# Valkey replication groups are encrypted at rest unless told otherwise.
valkey_default(r) if {
	tf.value(r, "engine") == "valkey"
	aws.absent(r, "at_rest_encryption_enabled")
}
