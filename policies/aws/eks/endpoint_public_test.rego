package soc2scan.rules.aws.eks.endpoint_public_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.eks.endpoint_public

cluster(name, vpc) := {"id": sprintf("aws_eks_cluster.%s", [name]), "type": "aws_eks_cluster", "values": {"vpc_config": [vpc]}}

test_fail_public_everywhere if {
	findings := endpoint_public.deny with input as doc([
		cluster("a", {"endpoint_public_access": true}),
		cluster("b", {"public_access_cidrs": ["0.0.0.0/0"]}),
	])
	{f.resource | some f in findings} == {"aws_eks_cluster.a", "aws_eks_cluster.b"}
	findings[{"resource": "aws_eks_cluster.a", "message": "aws_eks_cluster.a has a public API endpoint (vpc_config.endpoint_public_access) open to 0.0.0.0/0 (public_access_cidrs)"}]
}

test_pass_private_or_restricted if {
	count(endpoint_public.deny) == 0 with input as doc([
		cluster("a", {"endpoint_public_access": false}),
		cluster("b", {"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}),
	])
}

test_unknown_is_not_a_finding if {
	d := doc([object.union(cluster("a", {}), {"unknown": {"vpc_config": [{"public_access_cidrs": true}]}})])
	count(endpoint_public.deny) == 0 with input as d
	endpoint_public.unknown == {{"resource": "aws_eks_cluster.a", "message": "vpc_config is known only after apply"}} with input as d
}
