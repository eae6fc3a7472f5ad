# METADATA
# title: Firehose delivery streams are encrypted at rest
# description: >-
#   Every aws_kinesis_firehose_delivery_stream that does not read from a
#   Kinesis data stream (whose own encryption then applies) has
#   server_side_encryption { enabled = true } with a valid key_type, and a
#   key_arn when key_type is CUSTOMER_MANAGED_CMK. Without it, records wait
#   unencrypted in the stream's buffer before delivery.
# custom:
#   id: AWS-KIN-002
#   severity: medium
#   criteria: [CC6.1, PI1.4]
#   resource_types: [aws_kinesis_firehose_delivery_stream]
#   remediation: >-
#     Add server_side_encryption { enabled = true, key_type =
#     "CUSTOMER_MANAGED_CMK", key_arn = aws_kms_key.firehose.arn } (or
#     key_type = "AWS_OWNED_CMK").
#   rationale: >-
#     No control-map row of its own (the KICS concept is
#     kinesis-firehose-encryption-at-rest); the criteria follow the
#     kinesis-stream-encrypted row, at-rest encryption of data in transit
#     between systems.
package soc2scan.rules.aws.kinesis.firehose_encrypted

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

key_types := {"AWS_OWNED_CMK", "CUSTOMER_MANAGED_CMK"}

streams := [s |
	some s in tf.resources("aws_kinesis_firehose_delivery_stream")
	count(tf.blocks(s, "kinesis_source_configuration")) == 0
	tf.is_known(s, "kinesis_source_configuration")
]

deny contains finding if {
	some s in streams
	why := aws.disabled(s, ["server_side_encryption", 0, "enabled"])
	finding := {"resource": s.id, "message": sprintf("%s %s", [s.id, why])}
}

deny contains finding if {
	some s in streams
	aws.is_true(s, ["server_side_encryption", 0, "enabled"])
	t := tf.value(s, ["server_side_encryption", 0, "key_type"])
	is_string(t)
	not t in key_types
	finding := {"resource": s.id, "message": sprintf("%s has server_side_encryption.key_type = %q, not a valid key type", [s.id, t])}
}

deny contains finding if {
	some s in streams
	aws.is_true(s, ["server_side_encryption", 0, "enabled"])
	tf.value(s, ["server_side_encryption", 0, "key_type"]) == "CUSTOMER_MANAGED_CMK"
	aws.blank(s, ["server_side_encryption", 0, "key_arn"])
	finding := {"resource": s.id, "message": sprintf("%s sets server_side_encryption.key_type = \"CUSTOMER_MANAGED_CMK\" without a key_arn", [s.id])}
}

unknown contains tf.undetermined(s, "server_side_encryption") if {
	some s in streams
	tf.contains_unknown(s, "server_side_encryption")
}
