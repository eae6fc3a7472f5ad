# METADATA
# title: RDS instances and clusters encrypt storage at rest
# description: >-
#   Every aws_db_instance and aws_rds_cluster sets storage_encrypted = true.
#   Aurora Serverless v1 clusters (engine_mode "serverless") are always
#   encrypted, a database that names a kms_key_id without the attribute is
#   encrypted with that key, and a read replica without the attribute inherits the
#   encryption of a source instance in the same document. Encrypted storage
#   covers the database, its automated backups, snapshots and replicas, and
#   is the evidence an auditor looks for that data at rest is protected; it
#   can only be chosen when the database is created.
# custom:
#   id: AWS-RDS-001
#   severity: high
#   criteria: [CC6.1, PI1.5]
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   remediation: >-
#     Set storage_encrypted = true (and kms_key_id to a customer-managed key
#     where required). An existing unencrypted database must be restored from
#     an encrypted snapshot copy: the attribute forces replacement.
package soc2scan.rules.aws.rds.storage_encrypted

import data.soc2scan.lib.terraform as tf

databases := array.concat(tf.resources("aws_db_instance"), tf.resources("aws_rds_cluster"))

deny contains finding if {
	some db in databases
	not encrypted(db)
	not undecided(db)
	finding := {"resource": db.id, "message": message(db)}
}

unknown contains tf.undetermined(db, "storage_encrypted") if {
	some db in databases
	not encrypted(db)
	tf.is_unknown(db, "storage_encrypted")
}

unknown contains tf.undetermined(db, "kms_key_id") if {
	some db in databases
	not encrypted(db)
	key_pending(db)
}

unknown contains tf.undetermined(db, "engine_mode") if {
	some db in databases
	not encrypted(db)
	db.type == "aws_rds_cluster"
	tf.is_unknown(db, "engine_mode")
}

encrypted(db) if tf.known_true(db, "storage_encrypted")

# A customer-managed key can only be given for encrypted storage: RDS
# encrypts with it (or refuses the request), never stores data unencrypted.
encrypted(db) if {
	tf.value(db, "storage_encrypted") == null
	key := tf.value(db, "kms_key_id")
	is_string(key)
	key != ""
}

encrypted(db) if {
	db.type == "aws_rds_cluster"
	tf.value(db, "engine_mode") == "serverless"
}

encrypted(db) if {
	db.type == "aws_db_instance"
	tf.value(db, "storage_encrypted") == null
	some source in tf.refers_to(db, "replicate_source_db")
	source.type == "aws_db_instance"
	tf.known_true(source, "storage_encrypted")
}

undecided(db) if tf.is_unknown(db, "storage_encrypted")

undecided(db) if key_pending(db)

key_pending(db) if {
	tf.value(db, "storage_encrypted") == null
	tf.is_unknown(db, "kms_key_id")
}

undecided(db) if {
	db.type == "aws_rds_cluster"
	tf.is_unknown(db, "engine_mode")
}

message(db) := sprintf("%s has storage_encrypted = false", [db.id]) if {
	tf.value(db, "storage_encrypted") == false
} else := sprintf("%s does not set storage_encrypted (the default is false)", [db.id])
