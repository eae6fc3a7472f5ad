# METADATA
# title: RDS databases run in more than one availability zone
# description: >-
#   Every aws_db_instance that is not a read replica sets multi_az = true
#   (the default is false), and every Aurora aws_rds_cluster (other than
#   Serverless v1, which fails over by itself) has at least two
#   aws_rds_cluster_instance in the document, so that a standby or reader
#   in another zone takes over when one fails. An Aurora cluster whose
#   instances are declared elsewhere is not judged. A single-zone database
#   is down for as long as its zone is; an auditor expects the availability
#   commitments to be met by design.
# custom:
#   id: AWS-RDS-004
#   severity: medium
#   criteria: [A1.2]
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   remediation: >-
#     Set multi_az = true on the instance; add a second
#     aws_rds_cluster_instance (in another availability zone) to the Aurora
#     cluster.
package soc2scan.rules.aws.rds.multi_az

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some db in tf.resources("aws_db_instance")
	not replica(db)
	not aws.is_true(db, "multi_az")
	tf.is_known(db, "multi_az")
	finding := {"resource": db.id, "message": message(db)}
}

deny contains finding if {
	some cluster in tf.resources("aws_rds_cluster")
	aurora(cluster)
	count(instances(cluster)) == 1
	finding := {"resource": cluster.id, "message": sprintf("%s has one aws_rds_cluster_instance (%s): no reader in another availability zone to fail over to", [cluster.id, instances(cluster)[0].id])}
}

unknown contains tf.undetermined(db, "multi_az") if {
	some db in tf.resources("aws_db_instance")
	db.unknown.multi_az # fails at once for most databases
	tf.is_unknown(db, "multi_az")
	not replica(db)
}

replica(db) if tf.value(db, "replicate_source_db") != null

replica(db) if tf.is_unknown(db, "replicate_source_db")

aurora(cluster) if {
	startswith(tf.value(cluster, "engine"), "aurora")
	not tf.value(cluster, "engine_mode") == "serverless"
}

instances(cluster) := tf.related(cluster, "aws_rds_cluster_instance", "cluster_identifier")

message(db) := sprintf("%s has multi_az = false", [db.id]) if {
	aws.is_false(db, "multi_az")
} else := sprintf("%s does not set multi_az (the default is false)", [db.id])
