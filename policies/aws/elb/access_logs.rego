# METADATA
# title: Load balancers write access logs
# description: >-
#   Every application and network load balancer (aws_lb, aws_alb) has an
#   access_logs block with enabled = true and a bucket (the provider's
#   default is false, even when a bucket is given), and every Classic Load
#   Balancer (aws_elb) has an access_logs block that is not disabled. Access
#   logs record every request with its client, path and response: the
#   evidence for investigating anomalies and incidents.
# custom:
#   id: AWS-ELB-004
#   severity: medium
#   criteria: [CC7.2, CC7.3, A1.2]
#   resource_types: [aws_lb, aws_alb, aws_elb]
#   remediation: >-
#     Add access_logs { bucket = aws_s3_bucket.logs.id, enabled = true } to
#     the load balancer (on aws_elb, access_logs { bucket = ... } with
#     enabled left at its default true), with a bucket policy that lets
#     the region's ELB log delivery write to it.
package soc2scan.rules.aws.elb.access_logs

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some lb in aws.load_balancers
	aws.load_balancer_type(lb) != "gateway"
	tf.is_known(lb, "access_logs")
	not logging(lb)
	not undecided(lb)
	finding := {"resource": lb.id, "message": sprintf("%s does not enable access_logs (access_logs.enabled is not true)", [lb.id])}
}

deny contains finding if {
	some elb in tf.resources("aws_elb")
	count(tf.blocks(elb, "access_logs")) == 0
	tf.is_known(elb, "access_logs")
	finding := {"resource": elb.id, "message": sprintf("%s has no access_logs block", [elb.id])}
}

deny contains finding if {
	some elb in tf.resources("aws_elb")
	aws.is_false(elb, ["access_logs", 0, "enabled"])
	finding := {"resource": elb.id, "message": sprintf("%s sets access_logs.enabled = false", [elb.id])}
}

unknown contains tf.undetermined(lb, "access_logs") if {
	some lb in array.concat(aws.load_balancers, tf.resources("aws_elb"))
	tf.is_unknown(lb, "access_logs")
}

unknown contains tf.undetermined(lb, "access_logs.enabled") if {
	some lb in aws.load_balancers
	undecided(lb)
}

logging(lb) if aws.is_true(lb, ["access_logs", 0, "enabled"])

undecided(lb) if tf.is_unknown(lb, ["access_logs", 0, "enabled"])
