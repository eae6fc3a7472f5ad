package soc2scan.rules.aws.eks.control_plane_logging_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.eks.control_plane_logging

cluster(name, values) := {"id": sprintf("aws_eks_cluster.%s", [name]), "type": "aws_eks_cluster", "values": values}

test_fail_missing_types if {
	findings := control_plane_logging.deny with input as doc([cluster("a", {}), cluster("b", {"enabled_cluster_log_types": ["api"]})])
	findings == {
		{"resource": "aws_eks_cluster.a", "message": "aws_eks_cluster.a enabled_cluster_log_types lacks api, audit, authenticator"},
		{"resource": "aws_eks_cluster.b", "message": "aws_eks_cluster.b enabled_cluster_log_types lacks audit, authenticator"},
	}
}

test_pass_all_logged if {
	count(control_plane_logging.deny) == 0 with input as doc([cluster("a", {"enabled_cluster_log_types": ["api", "audit", "authenticator", "scheduler"]})])
}

test_unknown_is_not_a_finding if {
	e := doc([object.union(cluster("a", {}), {"unknown": {"enabled_cluster_log_types": true}})])
	count(control_plane_logging.deny) == 0 with input as e
	control_plane_logging.unknown == {{"resource": "aws_eks_cluster.a", "message": "enabled_cluster_log_types is known only after apply"}} with input as e
}
