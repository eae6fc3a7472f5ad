# METADATA
# title: EKS clusters log API, audit and authenticator events
# description: >-
#   Every aws_eks_cluster lists "api", "audit" and "authenticator" in
#   enabled_cluster_log_types; by default no control plane log is sent to
#   CloudWatch. The audit and authenticator logs record who did what to the
#   cluster, the trail an auditor expects for detecting and investigating
#   unauthorised changes.
# custom:
#   id: AWS-EKS-002
#   severity: medium
#   criteria: [CC6.8, CC7.1, CC7.2]
#   resource_types: [aws_eks_cluster]
#   remediation: >-
#     Set enabled_cluster_log_types = ["api", "audit", "authenticator",
#     "controllerManager", "scheduler"] and create the
#     /aws/eks/NAME/cluster log group with a retention period.
package soc2scan.rules.aws.eks.control_plane_logging

import data.soc2scan.lib.terraform as tf

required := ["api", "audit", "authenticator"]

deny contains finding if {
	some c in tf.resources("aws_eks_cluster")
	not tf.contains_unknown(c, "enabled_cluster_log_types")
	enabled := {t | some t in object.get(c.values, "enabled_cluster_log_types", [])}
	missing := [t | some t in required; not t in enabled]
	count(missing) > 0
	finding := {"resource": c.id, "message": sprintf("%s enabled_cluster_log_types lacks %s", [c.id, concat(", ", missing)])}
}

unknown contains tf.undetermined(c, "enabled_cluster_log_types") if {
	some c in tf.resources("aws_eks_cluster")
	tf.contains_unknown(c, "enabled_cluster_log_types")
}
