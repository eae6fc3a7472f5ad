# METADATA
# title: EFS file systems have automatic backups
# description: >-
#   Every aws_efs_file_system has an aws_efs_backup_policy whose
#   file_system_id refers to it with backup_policy.status = "ENABLED".
#   File systems created through the API have no automatic backups, so
#   deleted or corrupted files cannot be restored.
# custom:
#   id: AWS-EFS-002
#   severity: medium
#   criteria: [CC7.4, A1.2]
#   resource_types: [aws_efs_file_system]
#   remediation: >-
#     Add an aws_efs_backup_policy with file_system_id =
#     aws_efs_file_system.NAME.id and backup_policy { status = "ENABLED" }
#     (or cover the file system with an AWS Backup plan).
package soc2scan.rules.aws.efs.backup_policy

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some fs in tf.resources("aws_efs_file_system")
	policies := tf.related(fs, "aws_efs_backup_policy", "file_system_id")
	not enabled(policies)
	not undecided(policies)
	finding := {"resource": fs.id, "message": sprintf("%s has no aws_efs_backup_policy with backup_policy.status = \"ENABLED\"", [fs.id])}
}

unknown contains tf.undetermined_because(fs, "the backup_policy.status of its aws_efs_backup_policy is known only after apply") if {
	some fs in tf.resources("aws_efs_file_system")
	policies := tf.related(fs, "aws_efs_backup_policy", "file_system_id")
	not enabled(policies)
	undecided(policies)
}

enabled(policies) if {
	some p in policies
	some b in tf.blocks(p, "backup_policy")
	b.status == "ENABLED"
}

undecided(policies) if {
	some p in policies
	tf.contains_unknown(p, "backup_policy")
}
