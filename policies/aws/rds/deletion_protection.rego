# METADATA
# title: RDS databases have deletion protection
# description: >-
#   Every aws_db_instance and aws_rds_cluster sets deletion_protection =
#   true (the default is false). With it, neither a mistaken terraform
#   destroy nor a console click can delete the database until the flag is
#   turned off in a reviewed change; an auditor expects stored data to be
#   protected against accidental or unauthorised deletion.
# custom:
#   id: AWS-RDS-005
#   severity: medium
#   criteria: [C1.1]
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   remediation: Set deletion_protection = true.
package soc2scan.rules.aws.rds.deletion_protection

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

databases := array.concat(tf.resources("aws_db_instance"), tf.resources("aws_rds_cluster"))

deny contains finding if {
	some db in databases
	not aws.is_true(db, "deletion_protection")
	tf.is_known(db, "deletion_protection")
	finding := {"resource": db.id, "message": message(db)}
}

unknown contains tf.undetermined(db, "deletion_protection") if {
	some db in databases
	tf.is_unknown(db, "deletion_protection")
}

message(db) := sprintf("%s has deletion_protection = false", [db.id]) if {
	aws.is_false(db, "deletion_protection")
} else := sprintf("%s does not set deletion_protection (the default is false)", [db.id])
