# METADATA
# title: Secrets Manager secrets rotate automatically
# description: >-
#   Every aws_secretsmanager_secret has an aws_secretsmanager_secret_rotation
#   whose secret_id refers to it, with rotation_rules giving a schedule
#   (automatically_after_days or schedule_expression), or the inline
#   rotation_rules of older providers. Credentials that never rotate stay
#   valid after people leave and after leaks; rotation limits how long a
#   stolen secret can be used.
# custom:
#   id: AWS-SM-001
#   severity: medium
#   criteria: [CC6.1]
#   resource_types: [aws_secretsmanager_secret]
#   remediation: >-
#     Add an aws_secretsmanager_secret_rotation with secret_id =
#     aws_secretsmanager_secret.NAME.id, a rotation_lambda_arn (not needed
#     for managed rotation) and rotation_rules { automatically_after_days =
#     30 }.
package soc2scan.rules.aws.secretsmanager.rotation

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some s in tf.resources("aws_secretsmanager_secret")
	not rotated(s)
	not tf.contains_unknown(s, "rotation_rules")
	finding := {"resource": s.id, "message": sprintf("%s has no aws_secretsmanager_secret_rotation with rotation_rules", [s.id])}
}

unknown contains tf.undetermined(s, "rotation_rules") if {
	some s in tf.resources("aws_secretsmanager_secret")
	not rotated(s)
	tf.contains_unknown(s, "rotation_rules")
}

rotated(s) if {
	some r in tf.related(s, "aws_secretsmanager_secret_rotation", "secret_id")
	count(tf.blocks(r, "rotation_rules")) > 0
}

rotated(s) if count(tf.blocks(s, "rotation_rules")) > 0
