package soc2scan.rules.aws.eks.secrets_encryption_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.eks.secrets_encryption

cluster(name, values) := {"id": sprintf("aws_eks_cluster.%s", [name]), "type": "aws_eks_cluster", "values": values}

test_fail_no_or_wrong_encryption if {
	findings := secrets_encryption.deny with input as doc([
		cluster("a", {}),
		cluster("b", {"encryption_config": [{"resources": ["s"], "provider": [{"key_arn": "arn"}]}]}),
	])
	findings == {
		{"resource": "aws_eks_cluster.a", "message": "aws_eks_cluster.a has no encryption_config encrypting \"secrets\" with a KMS key_arn"},
		{"resource": "aws_eks_cluster.b", "message": "aws_eks_cluster.b has no encryption_config encrypting \"secrets\" with a KMS key_arn"},
	}
}

test_pass_secrets_encrypted if {
	count(secrets_encryption.deny) == 0 with input as doc([cluster("a", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": "arn:aws:kms:eu-west-1:1:key/x"}]}]})])
}

test_unknown_key_is_not_a_finding if {
	d := doc([object.union(
		cluster("a", {"encryption_config": [{"resources": ["secrets"], "provider": [{}]}]}),
		{"unknown": {"encryption_config": [{"provider": [{"key_arn": true}]}]}},
	)])
	count(secrets_encryption.deny) == 0 with input as d
	secrets_encryption.unknown == {{"resource": "aws_eks_cluster.a", "message": "encryption_config is known only after apply"}} with input as d
}
