package soc2scan.lib.terraform_test

import data.soc2scan.lib.terraform as tf

r := {
	"id": "aws_security_group.web",
	"values": {"ingress": [{"from_port": 22, "cidr_blocks": ["10.0.0.0/8"]}]},
	"unknown": {"ingress": [{"cidr_blocks": [false, true]}], "egress": true},
}

test_contains_unknown_inside if {
	tf.contains_unknown(r, ["ingress", 0])
	tf.contains_unknown(r, "ingress")
	tf.contains_unknown(r, ["ingress", 0, "cidr_blocks"])
	not tf.is_unknown(r, ["ingress", 0, "cidr_blocks"])
}

test_contains_unknown_of_unknown_parent if {
	tf.contains_unknown(r, ["egress", 0, "cidr_blocks"])
}

test_contains_unknown_known if {
	not tf.contains_unknown(r, ["ingress", 0, "from_port"])
	not tf.contains_unknown(r, "tags")
}

test_undetermined_because if {
	tf.undetermined_because(r, "aws_s3_bucket_policy.p.policy is known only after apply") == {
		"resource": "aws_security_group.web",
		"message": "aws_s3_bucket_policy.p.policy is known only after apply",
	}
}
