# METADATA
# title: EBS snapshots are not shared publicly
# description: >-
#   Every aws_ebs_snapshot_block_public_access sets state =
#   "block-all-sharing", and no aws_snapshot_create_volume_permission
#   shares a snapshot with account_id "all". A public snapshot lets anyone
#   create a volume from it and read every file of the disk; blocking
#   public sharing for the region is the guarantee an auditor looks for
#   that no disk image leaks by mistake.
# custom:
#   id: AWS-EBS-002
#   severity: high
#   criteria: [CC6.6]
#   resource_types: [aws_ebs_snapshot_block_public_access, aws_snapshot_create_volume_permission]
#   remediation: >-
#     Set state = "block-all-sharing" on aws_ebs_snapshot_block_public_access,
#     and share snapshots only with named account ids.
package soc2scan.rules.aws.ebs.snapshot_public

import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some setting in tf.resources("aws_ebs_snapshot_block_public_access")
	tf.is_known(setting, "state")
	state := tf.value(setting, "state")
	state != "block-all-sharing"
	finding := {"resource": setting.id, "message": sprintf("%s has state = %v: snapshots can still be shared publicly", [setting.id, quoted(state)])}
}

deny contains finding if {
	some permission in tf.resources("aws_snapshot_create_volume_permission")
	lower(sprintf("%v", [tf.value(permission, "account_id")])) == "all"
	finding := {"resource": permission.id, "message": sprintf("%s shares its snapshot with account_id \"all\": anyone can create a volume from it", [permission.id])}
}

unknown contains tf.undetermined(setting, "state") if {
	some setting in tf.resources("aws_ebs_snapshot_block_public_access")
	tf.is_unknown(setting, "state")
}

unknown contains tf.undetermined(permission, "account_id") if {
	some permission in tf.resources("aws_snapshot_create_volume_permission")
	tf.is_unknown(permission, "account_id")
}

quoted(x) := sprintf("%q", [x]) if is_string(x)

quoted(x) := "not set" if not is_string(x)
