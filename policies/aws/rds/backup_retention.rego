# METADATA
# title: RDS automated backups are kept at least 7 days
# description: >-
#   Every aws_db_instance and aws_rds_cluster sets backup_retention_period to
#   7 days or more; an absent value means the AWS default of 1 day, and 0
#   turns automated backups off. Seven days is the minimum AWS Security Hub
#   applies by default (control RDS.11) and gives a week of point-in-time
#   recovery, long enough to notice a bad change or deletion over a weekend
#   and restore before the backups of the last good state expire: the
#   recovery evidence an auditor looks for.
# custom:
#   id: AWS-RDS-003
#   severity: medium
#   criteria: [CC7.4, A1.2]
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   remediation: >-
#     Set backup_retention_period to 7 or more (up to 35), e.g.
#     backup_retention_period = 14, and choose a preferred_backup_window.
package soc2scan.rules.aws.rds.backup_retention

import data.soc2scan.lib.terraform as tf

minimum := 7

databases := array.concat(tf.resources("aws_db_instance"), tf.resources("aws_rds_cluster"))

deny contains finding if {
	some db in databases
	tf.value(db, "backup_retention_period") == null
	tf.is_known(db, "backup_retention_period")
	finding := {"resource": db.id, "message": sprintf(
		"%s does not set backup_retention_period; the AWS default of 1 day is less than %d days",
		[db.id, minimum],
	)}
}

deny contains finding if {
	some db in databases
	value := tf.value(db, "backup_retention_period")
	value != null
	not days(value) >= minimum
	finding := {"resource": db.id, "message": sprintf("%s has backup_retention_period = %v, less than %d days", [db.id, value, minimum])}
}

unknown contains tf.undetermined(db, "backup_retention_period") if {
	some db in databases
	tf.is_unknown(db, "backup_retention_period")
}

days(v) := v if is_number(v)

days(v) := to_number(v) if {
	is_string(v)
	regex.match(`^[0-9]+$`, v)
}
