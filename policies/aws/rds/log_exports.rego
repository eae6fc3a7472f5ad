# METADATA
# title: RDS databases export their engine logs to CloudWatch Logs
# description: >-
#   Every aws_db_instance and aws_rds_cluster lists in
#   enabled_cloudwatch_logs_exports the logs of its engine that record
#   errors and access: error and audit or general for MySQL, MariaDB and
#   Aurora MySQL, postgresql for PostgreSQL and Aurora PostgreSQL, audit and
#   alert for Oracle, error for SQL Server (any log for other engines).
#   Exported logs are kept and searchable outside the database, the record
#   an auditor needs of failed logins, privilege changes and errors.
#   Aurora cluster instances take the cluster's setting and are not judged.
# custom:
#   id: AWS-RDS-006
#   severity: medium
#   criteria: [CC7.2, CC7.3, A1.2]
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   remediation: >-
#     Set enabled_cloudwatch_logs_exports, e.g. ["audit", "error", "general",
#     "slowquery"] for MySQL or ["postgresql", "upgrade"] for PostgreSQL (the
#     audit log of MySQL needs the MARIADB_AUDIT_PLUGIN option, pgAudit for
#     PostgreSQL).
package soc2scan.rules.aws.rds.log_exports

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

databases := array.concat(tf.resources("aws_db_instance"), tf.resources("aws_rds_cluster"))

# required lists, per engine family, the groups of logs of which at least
# one must be exported.
required(engine) := [["error"], ["audit", "general"]] if {
	some prefix in ["mysql", "mariadb", "aurora-mysql"]
	startswith(engine, prefix)
} else := [["error"], ["audit", "general"]] if {
	engine == "aurora"
} else := [["postgresql"]] if {
	some prefix in ["postgres", "aurora-postgresql"]
	startswith(engine, prefix)
} else := [["audit"], ["alert"]] if {
	startswith(engine, "oracle")
} else := [["error"]] if {
	startswith(engine, "sqlserver")
}

deny contains finding if {
	some db in databases
	tf.is_known(db, "enabled_cloudwatch_logs_exports")
	tf.is_known(db, "engine")
	missing := missing_logs(db)
	count(missing) > 0
	finding := {"resource": db.id, "message": sprintf("%s does not export %s in enabled_cloudwatch_logs_exports%s", [db.id, concat(" and ", missing), listed(db)])}
}

unknown contains tf.undetermined(db, attr) if {
	some db in databases
	some attr in ["enabled_cloudwatch_logs_exports", "engine"]
	db.unknown[attr] # fails at once for most databases
	tf.is_unknown(db, attr)
}

exports(db) := aws.strings(tf.value(db, "enabled_cloudwatch_logs_exports"))

missing_logs(db) := [concat(" or ", group) |
	some group in required(lower(tf.value(db, "engine")))
	count({g | some g in group} & {e | some e in exports(db)}) == 0
]

missing_logs(db) := ["any log"] if {
	not required(lower(tf.value(db, "engine")))
	count(exports(db)) == 0
}

listed(db) := "" if {
	count(exports(db)) == 0
} else := sprintf(" (it exports %s)", [concat(", ", exports(db))])
