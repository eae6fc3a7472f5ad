# METADATA
# title: AWS Backup vaults prevent deletion of recovery points
# description: >-
#   Every aws_backup_vault has an aws_backup_vault_lock_configuration, or an
#   aws_backup_vault_policy with a statement that denies
#   backup:DeleteRecoveryPoint (a wildcard that covers it included). A vault
#   anyone with backup permissions can empty is no defence against an
#   attacker or a mistake; an auditor expects backups to be protected from
#   manual deletion.
# custom:
#   id: AWS-BACKUP-002
#   severity: medium
#   criteria: [CC7.4, A1.2]
#   resource_types: [aws_backup_vault]
#   remediation: >-
#     Add an aws_backup_vault_lock_configuration for the vault (with
#     min_retention_days, and changeable_for_days for compliance mode), or an
#     aws_backup_vault_policy that denies backup:DeleteRecoveryPoint to every
#     principal.
package soc2scan.rules.aws.backup.vault_lock

import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some vault in tf.resources("aws_backup_vault")
	not protected(vault)
	count(pending(vault)) == 0
	finding := {"resource": vault.id, "message": sprintf("%s has no aws_backup_vault_lock_configuration and no aws_backup_vault_policy denying backup:DeleteRecoveryPoint", [vault.id])}
}

unknown contains tf.undetermined_because(vault, reason) if {
	some vault in tf.resources("aws_backup_vault")
	not protected(vault)
	some reason in pending(vault)
}

protected(vault) if tf.has_related(vault, "aws_backup_vault_lock_configuration", "backup_vault_name")

protected(vault) if {
	some policy in tf.related(vault, "aws_backup_vault_policy", "backup_vault_name")
	some s in iam.read(policy, "policy").statements
	s.Effect == "Deny"
	some pattern in s.Action
	iam.action_matches(pattern, "backup:DeleteRecoveryPoint")
}

pending(vault) := {reason |
	some policy in tf.related(vault, "aws_backup_vault_policy", "backup_vault_name")
	some reason in iam.pending(iam.read(policy, "policy"))
}
