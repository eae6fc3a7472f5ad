# METADATA
# title: Redshift clusters are not publicly accessible
# description: >-
#   Every aws_redshift_cluster sets publicly_accessible = false. A public
#   cluster gets an Internet-resolvable address; before AWS provider v6 an
#   absent value means true. Exposing the warehouse to the Internet leaves
#   passwords as the only barrier to the data it holds.
# custom:
#   id: AWS-RS-001
#   severity: high
#   criteria: [CC6.1, CC6.6]
#   resource_types: [aws_redshift_cluster]
#   remediation: >-
#     Set publicly_accessible = false, place the cluster in private subnets
#     (cluster_subnet_group_name) and reach it through the VPC.
package soc2scan.rules.aws.redshift.not_public

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some c in tf.resources("aws_redshift_cluster")
	aws.is_true(c, "publicly_accessible")
	finding := {"resource": c.id, "message": sprintf("%s sets publicly_accessible = true", [c.id])}
}

deny contains finding if {
	some c in tf.resources("aws_redshift_cluster")
	aws.absent(c, "publicly_accessible")
	finding := {"resource": c.id, "message": sprintf("%s does not set publicly_accessible = false (the default before AWS provider v6 is true)", [c.id])}
}

unknown contains tf.undetermined(c, "publicly_accessible") if {
	some c in tf.resources("aws_redshift_cluster")
	tf.is_unknown(c, "publicly_accessible")
}
