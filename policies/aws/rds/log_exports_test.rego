package soc2scan.rules.aws.rds.log_exports_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.rds.log_exports

db(name, values) := {"id": sprintf("aws_db_instance.%s", [name]), "type": "aws_db_instance", "values": values}

test_fail_missing_logs if {
	findings := log_exports.deny with input as doc([
		db("mysql", {"engine": "mysql", "enabled_cloudwatch_logs_exports": ["slowquery"]}),
		db("pg", {"engine": "postgres"}),
		{"id": "aws_rds_cluster.c", "type": "aws_rds_cluster", "values": {"engine": "aurora-mysql", "enabled_cloudwatch_logs_exports": ["error"]}},
	])
	findings == {
		{"resource": "aws_db_instance.mysql", "message": "aws_db_instance.mysql does not export error and audit or general in enabled_cloudwatch_logs_exports (it exports slowquery)"},
		{"resource": "aws_db_instance.pg", "message": "aws_db_instance.pg does not export postgresql in enabled_cloudwatch_logs_exports"},
		{"resource": "aws_rds_cluster.c", "message": "aws_rds_cluster.c does not export audit or general in enabled_cloudwatch_logs_exports (it exports error)"},
	}
}

test_pass_engine_logs if {
	count(log_exports.deny) == 0 with input as doc([
		db("mysql", {"engine": "mysql", "enabled_cloudwatch_logs_exports": ["audit", "error"]}),
		db("pg", {"engine": "postgres", "enabled_cloudwatch_logs_exports": ["postgresql", "upgrade"]}),
		db("other", {"engine": "db2-se", "enabled_cloudwatch_logs_exports": ["diag.log"]}),
	])
}

test_unknown_exports_are_not_a_finding if {
	input_doc := doc([object.union(db("pg", {"engine": "postgres"}), {"unknown": {"enabled_cloudwatch_logs_exports": true}})])
	count(log_exports.deny) == 0 with input as input_doc
	log_exports.unknown == {{"resource": "aws_db_instance.pg", "message": "enabled_cloudwatch_logs_exports is known only after apply"}} with input as input_doc
}
