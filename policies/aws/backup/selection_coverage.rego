# METADATA
# title: AWS Backup selections cover the data stores
# description: >-
#   Where the configuration declares aws_backup_selection resources, every
#   aws_db_instance, aws_rds_cluster, aws_dynamodb_table,
#   aws_efs_file_system and aws_ebs_volume of the document is selected by
#   one of them: its resources list holds "*", a reference to the data
#   store or an ARN pattern with a wildcard for its service, or a
#   selection_tag or condition string_equals matches one of its tags. A
#   data store outside every selection has no backup plan restoring it; an
#   auditor expects recovery to cover every store of data. A configuration
#   without backup selections is not judged: backups may be selected in
#   another configuration or by an organisation backup policy.
# custom:
#   id: AWS-BACKUP-003
#   severity: medium
#   criteria: [CC7.4, CC7.5, A1.2]
#   resource_types: [aws_db_instance, aws_rds_cluster, aws_dynamodb_table, aws_efs_file_system, aws_ebs_volume]
#   remediation: >-
#     Add the data store to an aws_backup_selection (resources = [<its arn>])
#     or give it the tag that a selection_tag of the backup plan selects
#     (e.g. backup = "daily").
package soc2scan.rules.aws.backup.selection_coverage

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

# services maps each data store type to the service of its ARN.
services := {
	"aws_db_instance": "rds",
	"aws_rds_cluster": "rds",
	"aws_dynamodb_table": "dynamodb",
	"aws_efs_file_system": "elasticfilesystem",
	"aws_ebs_volume": "ec2",
}

selections := tf.resources("aws_backup_selection")

stores := [r | some type, _ in services; some r in tf.resources(type)]

deny contains finding if {
	count(selections) > 0
	count(pending) == 0
	some r in stores
	not covered(r)
	finding := {"resource": r.id, "message": sprintf("%s is selected by none of the %d aws_backup_selection of this configuration (by reference, ARN pattern or tag)", [r.id, count(selections)])}
}

unknown contains tf.undetermined_because(r, reason) if {
	some r in stores
	not covered(r)
	some reason in pending
}

pending contains sprintf("%s.%s is known only after apply", [s.id, attr]) if {
	some s in selections
	some attr in ["resources", "selection_tag", "condition"]
	tf.contains_unknown(s, attr)
	not tf.is_unknown(s, attr)
}

pending contains sprintf("%s.%s is known only after apply", [s.id, attr]) if {
	some s in selections
	some attr in ["resources", "selection_tag", "condition"]
	tf.is_unknown(s, attr)
	count(object.get(s.refs, attr, [])) == 0
}

covered(r) if tf.has_related(r, "aws_backup_selection", "resources")

covered(r) if {
	some s in selections
	some pattern in aws.strings(tf.value(s, "resources"))
	matches(pattern, r)
}

covered(r) if {
	some s in selections
	some t in tf.blocks(s, "selection_tag")
	t.type == "STRINGEQUALS"
	tags(r)[t.key] == t.value
}

covered(r) if {
	some s in selections
	some c in tf.blocks(s, "condition")
	some e in object.get(c, "string_equals", [])
	startswith(e.key, "aws:ResourceTag/")
	tags(r)[substring(e.key, count("aws:ResourceTag/"), -1)] == e.value
}

matches("*", _)

matches(pattern, r) if {
	contains(pattern, "*")
	contains(pattern, sprintf(":%s:", [services[r.type]]))
}

tags(r) := object.union(
	object.get(r.values, "tags_all", {}),
	object.get(r.values, "tags", {}),
) if {
	is_object(object.get(r.values, "tags", {}))
	is_object(object.get(r.values, "tags_all", {}))
}
