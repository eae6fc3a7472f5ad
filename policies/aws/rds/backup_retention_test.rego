package soc2scan.rules.aws.rds.backup_retention_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.rds.backup_retention

instance(name, values) := {"id": sprintf("aws_db_instance.%s", [name]), "type": "aws_db_instance", "values": values}

cluster(name, values) := {"id": sprintf("aws_rds_cluster.%s", [name]), "type": "aws_rds_cluster", "values": values}

test_fail_backups_off if {
	findings := backup_retention.deny with input as doc([instance("legacy", {"backup_retention_period": 0})])
	findings == {{"resource": "aws_db_instance.legacy", "message": "aws_db_instance.legacy has backup_retention_period = 0, less than 7 days"}}
}

test_fail_absent_means_default_of_one_day if {
	findings := backup_retention.deny with input as doc([cluster("aurora", {})])
	findings == {{
		"resource": "aws_rds_cluster.aurora",
		"message": "aws_rds_cluster.aurora does not set backup_retention_period; the AWS default of 1 day is less than 7 days",
	}}
}

test_fail_six_days if {
	findings := backup_retention.deny with input as doc([
		instance("main", {"backup_retention_period": 6}),
		instance("other", {"backup_retention_period": 7}),
	])
	{f.resource | some f in findings} == {"aws_db_instance.main"}
}

test_pass_seven_days_or_more if {
	count(backup_retention.deny) == 0 with input as doc([
		instance("main", {"backup_retention_period": 7}),
		cluster("aurora", {"backup_retention_period": 35}),
		instance("hcl", {"backup_retention_period": "14"}),
	])
}

test_unknown_retention_is_not_a_finding if {
	input_doc := doc([object.union(instance("main", {}), {"unknown": {"backup_retention_period": true}})])
	count(backup_retention.deny) == 0 with input as input_doc
	backup_retention.unknown == {{"resource": "aws_db_instance.main", "message": "backup_retention_period is known only after apply"}} with input as input_doc
}
