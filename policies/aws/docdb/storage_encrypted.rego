# METADATA
# title: DocumentDB clusters encrypt storage at rest
# description: >-
#   Every aws_docdb_cluster sets storage_encrypted = true; the default is
#   false and it cannot be changed after creation. Encryption at rest
#   protects the cluster's data, backups and snapshots if the storage is
#   accessed outside the database's access controls.
# custom:
#   id: AWS-DOCDB-001
#   severity: high
#   criteria: [CC6.1]
#   resource_types: [aws_docdb_cluster]
#   remediation: >-
#     Set storage_encrypted = true and kms_key_id to a customer-managed
#     aws_kms_key; for an existing cluster, restore a snapshot into a new
#     encrypted cluster.
#   rationale: >-
#     No control-map row; at-rest encryption of a database protects it from
#     access outside its logical access controls (CC6.1), as the RDS
#     encryption rows do.
package soc2scan.rules.aws.docdb.storage_encrypted

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

resources := tf.resources("aws_docdb_cluster")

deny contains finding if {
	some r in resources
	why := aws.disabled(r, "storage_encrypted")
	finding := {"resource": r.id, "message": sprintf("%s %s", [r.id, why])}
}

unknown contains tf.undetermined(r, "storage_encrypted") if {
	some r in resources
	tf.is_unknown(r, "storage_encrypted")
}
