# METADATA
# title: Redshift clusters have audit logging
# description: >-
#   Every aws_redshift_cluster has audit logging: an aws_redshift_logging
#   whose cluster_identifier refers to it, or (on older providers) a logging
#   block with enable = true. Audit logs record connections, users and
#   queries: the evidence for detecting and investigating misuse of the
#   warehouse.
# custom:
#   id: AWS-RS-004
#   severity: medium
#   criteria: [CC7.2, CC7.3]
#   resource_types: [aws_redshift_cluster]
#   remediation: >-
#     Add an aws_redshift_logging with cluster_identifier =
#     aws_redshift_cluster.NAME.id and log_destination_type = "cloudwatch"
#     (or "s3" with a bucket_name), and enable_user_activity_logging in the
#     parameter group.
package soc2scan.rules.aws.redshift.audit_logging

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some c in tf.resources("aws_redshift_cluster")
	not tf.has_related(c, "aws_redshift_logging", "cluster_identifier")
	why := inline(c)
	finding := {"resource": c.id, "message": sprintf("%s has no aws_redshift_logging and %s", [c.id, why])}
}

unknown contains tf.undetermined(c, "logging") if {
	some c in tf.resources("aws_redshift_cluster")
	not tf.has_related(c, "aws_redshift_logging", "cluster_identifier")
	tf.is_unknown(c, ["logging", 0, "enable"])
}

inline(c) := "no logging block" if {
	count(tf.blocks(c, "logging")) == 0
	tf.is_known(c, "logging")
} else := "its logging block does not set enable = true" if {
	count(tf.blocks(c, "logging")) > 0
	tf.is_known(c, ["logging", 0, "enable"])
	not aws.is_true(c, ["logging", 0, "enable"])
}
