# METADATA
# title: EKS cluster API endpoints are not open to the Internet
# description: >-
#   Every aws_eks_cluster either sets vpc_config.endpoint_public_access =
#   false or limits public_access_cidrs to specific networks; the defaults
#   (public access on, from 0.0.0.0/0) expose the Kubernetes API server to
#   the whole Internet, leaving authentication as the only barrier to the
#   control plane.
# custom:
#   id: AWS-EKS-001
#   severity: high
#   criteria: [CC6.1, CC6.6]
#   resource_types: [aws_eks_cluster]
#   remediation: >-
#     Set vpc_config { endpoint_private_access = true, endpoint_public_access
#     = false } and reach the API through the VPC (VPN, bastion), or list
#     your egress CIDRs in public_access_cidrs.
package soc2scan.rules.aws.eks.endpoint_public

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some c in tf.resources("aws_eks_cluster")
	tf.is_known(c, "vpc_config")
	public(c)
	open_cidrs(c)
	finding := {"resource": c.id, "message": sprintf("%s has a public API endpoint (vpc_config.endpoint_public_access) open to 0.0.0.0/0 (public_access_cidrs)", [c.id])}
}

unknown contains tf.undetermined(c, "vpc_config") if {
	some c in tf.resources("aws_eks_cluster")
	some attr in ["endpoint_public_access", "public_access_cidrs"]
	tf.is_unknown(c, ["vpc_config", 0, attr])
}

public(c) if aws.is_true(c, ["vpc_config", 0, "endpoint_public_access"])

public(c) if aws.absent(c, ["vpc_config", 0, "endpoint_public_access"])

open_cidrs(c) if aws.absent(c, ["vpc_config", 0, "public_access_cidrs"])

open_cidrs(c) if "0.0.0.0/0" in tf.value(c, ["vpc_config", 0, "public_access_cidrs"])
