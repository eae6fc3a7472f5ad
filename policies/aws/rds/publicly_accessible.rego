# METADATA
# title: RDS databases are not publicly accessible
# description: >-
#   No aws_db_instance or aws_rds_cluster_instance sets publicly_accessible =
#   true. A publicly accessible database gets a public DNS name and address
#   reachable from the internet, with only its security group in the way;
#   keeping databases private is part of the network boundary an auditor
#   expects around stored data.
# custom:
#   id: AWS-RDS-002
#   severity: high
#   criteria: [CC6.1, CC6.2, CC6.6]
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   remediation: >-
#     Set publicly_accessible = false (or remove it: the default is false) and
#     reach the database from inside the VPC, through a bastion, VPN or
#     Session Manager port forwarding.
package soc2scan.rules.aws.rds.publicly_accessible

import data.soc2scan.lib.terraform as tf

databases := array.concat(tf.resources("aws_db_instance"), tf.resources("aws_rds_cluster_instance"))

deny contains finding if {
	some db in databases
	tf.known_true(db, "publicly_accessible")
	finding := {"resource": db.id, "message": sprintf("%s has publicly_accessible = true", [db.id])}
}

unknown contains tf.undetermined(db, "publicly_accessible") if {
	some db in databases
	tf.is_unknown(db, "publicly_accessible")
}
