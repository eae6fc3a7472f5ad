package soc2scan.rules.aws.rds.storage_encrypted_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.rds.storage_encrypted

instance(name, values) := {"id": sprintf("aws_db_instance.%s", [name]), "type": "aws_db_instance", "values": values}

cluster(name, values) := {"id": sprintf("aws_rds_cluster.%s", [name]), "type": "aws_rds_cluster", "values": values}

test_fail_instance_not_encrypted if {
	findings := storage_encrypted.deny with input as doc([instance("main", {"storage_encrypted": false})])
	findings == {{"resource": "aws_db_instance.main", "message": "aws_db_instance.main has storage_encrypted = false"}}
}

test_fail_cluster_without_attribute if {
	findings := storage_encrypted.deny with input as doc([cluster("aurora", {"engine": "aurora-postgresql"})])
	findings == {{"resource": "aws_rds_cluster.aurora", "message": "aws_rds_cluster.aurora does not set storage_encrypted (the default is false)"}}
}

test_fail_only_the_unencrypted_database if {
	findings := storage_encrypted.deny with input as doc([
		instance("main", {"storage_encrypted": true}),
		instance("legacy", {}),
		cluster("aurora", {"storage_encrypted": true, "engine_mode": "provisioned"}),
	])
	{f.resource | some f in findings} == {"aws_db_instance.legacy"}
}

test_pass_encrypted if {
	count(storage_encrypted.deny) == 0 with input as doc([
		instance("main", {"storage_encrypted": true}),
		cluster("aurora", {"storage_encrypted": true}),
	])
}

test_pass_serverless_v1_cluster_is_always_encrypted if {
	count(storage_encrypted.deny) == 0 with input as doc([cluster("aurora", {"engine_mode": "serverless"})])
}

test_pass_replica_of_encrypted_source if {
	replica := object.union(instance("replica", {"replicate_source_db": "main"}), {"refs": {"replicate_source_db": ["aws_db_instance.main"]}})
	count(storage_encrypted.deny) == 0 with input as doc([instance("main", {"storage_encrypted": true}), replica])
}

test_fail_replica_of_unencrypted_source if {
	replica := object.union(instance("replica", {"replicate_source_db": "main"}), {"refs": {"replicate_source_db": ["aws_db_instance.main"]}})
	findings := storage_encrypted.deny with input as doc([instance("main", {"storage_encrypted": false}), replica])
	{f.resource | some f in findings} == {"aws_db_instance.main", "aws_db_instance.replica"}
}

test_unknown_storage_encrypted_is_not_a_finding if {
	input_doc := doc([object.union(instance("main", {}), {"unknown": {"storage_encrypted": true}})])
	count(storage_encrypted.deny) == 0 with input as input_doc
	storage_encrypted.unknown == {{"resource": "aws_db_instance.main", "message": "storage_encrypted is known only after apply"}} with input as input_doc
}

test_unknown_engine_mode_is_not_a_finding if {
	input_doc := doc([object.union(cluster("aurora", {}), {"unknown": {"engine_mode": true}})])
	count(storage_encrypted.deny) == 0 with input as input_doc
	storage_encrypted.unknown == {{"resource": "aws_rds_cluster.aurora", "message": "engine_mode is known only after apply"}} with input as input_doc
}

test_pass_kms_key_without_storage_encrypted if {
	count(storage_encrypted.deny) == 0 with input as doc([{"id": "aws_db_instance.a", "type": "aws_db_instance", "values": {"kms_key_id": "arn:aws:kms:eu-west-1:1:key/1"}}])
}

test_unknown_kms_key_is_not_a_finding if {
	input_doc := doc([{"id": "aws_db_instance.b", "type": "aws_db_instance", "unknown": {"kms_key_id": true}}])
	count(storage_encrypted.deny) == 0 with input as input_doc
	storage_encrypted.unknown == {{"resource": "aws_db_instance.b", "message": "kms_key_id is known only after apply"}} with input as input_doc
}
