package soc2scan.rules.aws.ecr.tag_immutability_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ecr.tag_immutability

test_fail_mutable if {
	findings := tag_immutability.deny with input as doc([
		{"id": "aws_ecr_repository.a", "type": "aws_ecr_repository"},
		{"id": "aws_ecr_repository.b", "type": "aws_ecr_repository", "values": {"image_tag_mutability": "MUTABLE"}},
	])
	findings == {
		{"resource": "aws_ecr_repository.a", "message": "aws_ecr_repository.a does not set image_tag_mutability; the default is MUTABLE"},
		{"resource": "aws_ecr_repository.b", "message": "aws_ecr_repository.b has image_tag_mutability = \"MUTABLE\""},
	}
}

test_pass_immutable if {
	count(tag_immutability.deny) == 0 with input as doc([{"id": "aws_ecr_repository.a", "type": "aws_ecr_repository", "values": {"image_tag_mutability": "IMMUTABLE"}}])
}

test_unknown_is_not_a_finding if {
	d := doc([{"id": "aws_ecr_repository.a", "type": "aws_ecr_repository", "unknown": {"image_tag_mutability": true}}])
	count(tag_immutability.deny) == 0 with input as d
	tag_immutability.unknown == {{"resource": "aws_ecr_repository.a", "message": "image_tag_mutability is known only after apply"}} with input as d
}
