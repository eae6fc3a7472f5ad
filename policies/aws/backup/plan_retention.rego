# METADATA
# title: AWS Backup plans keep recovery points for at least 35 days
# description: >-
#   No rule of an aws_backup_plan deletes its recovery points sooner than 35
#   days (lifecycle.delete_after); a rule without delete_after keeps them
#   until deleted by hand and passes. Thirty-five days covers a monthly
#   cycle with margin, so that corruption found weeks later can still be
#   restored from a good copy: the recovery evidence an auditor expects.
# custom:
#   id: AWS-BACKUP-001
#   severity: medium
#   criteria: [CC7.4, A1.2, PI1.5]
#   resource_types: [aws_backup_plan]
#   remediation: >-
#     Set lifecycle { delete_after = 35 } or longer on every rule (or what the
#     retention policy requires).
package soc2scan.rules.aws.backup.plan_retention

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

minimum := 35

deny contains finding if {
	some plan in tf.resources("aws_backup_plan")
	short := [sprintf("%s (%v days)", [name(rule, i), days]) |
		some i, rule in tf.blocks(plan, "rule")
		some lifecycle in object.get(rule, "lifecycle", [])
		days := object.get(lifecycle, "delete_after", null)
		days != null
		aws.number(days) < minimum
	]
	count(short) > 0
	finding := {"resource": plan.id, "message": sprintf("%s deletes recovery points before %d days in rule %s", [plan.id, minimum, concat(", ", short)])}
}

unknown contains tf.undetermined(plan, "rule") if {
	some plan in tf.resources("aws_backup_plan")
	tf.contains_unknown(plan, "rule")
}

name(rule, _) := sprintf("%q", [rule.rule_name]) if is_string(rule.rule_name)

name(rule, i) := sprintf("%d", [i]) if not is_string(rule.rule_name)
