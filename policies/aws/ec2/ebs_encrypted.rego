# METADATA
# title: EBS volumes are encrypted
# description: >-
#   Every aws_ebs_volume sets encrypted = true, and so does every block
#   device that an aws_instance (root_block_device, ebs_block_device) or an
#   aws_launch_template (block_device_mappings.ebs) declares, unless an
#   aws_ebs_encryption_by_default in the document turns on encryption for
#   every new volume. Encrypted volumes protect data at rest, and their
#   snapshots, from anyone who obtains the underlying storage or a shared
#   snapshot. Block devices an instance does not declare take their
#   encryption from the AMI and are not judged here.
# custom:
#   id: AWS-EC2-002
#   severity: high
#   criteria: [CC6.1, PI1.5]
#   resource_types: [aws_ebs_volume, aws_instance, aws_launch_template]
#   remediation: >-
#     Set encrypted = true on the volume or block device (optionally with
#     kms_key_id), or add aws_ebs_encryption_by_default { enabled = true } for
#     the account and region.
package soc2scan.rules.aws.ec2.ebs_encrypted

import data.soc2scan.lib.terraform as tf

# volumes lists what is judged: the resource, the path of its encrypted
# attribute and how to name that attribute in a message.
volumes := array.concat(
	array.concat(
		[{"resource": v, "path": ["encrypted"]} | some v in tf.resources("aws_ebs_volume")],
		[{"resource": i, "path": [block, n, "encrypted"]} |
			some i in tf.resources("aws_instance")
			some block in ["root_block_device", "ebs_block_device"]
			some n, _ in tf.blocks(i, block)
		],
	),
	[{"resource": t, "path": ["block_device_mappings", n, "ebs", 0, "encrypted"]} |
		some t in tf.resources("aws_launch_template")
		some n, mapping in tf.blocks(t, "block_device_mappings")
		count(object.get(mapping, "ebs", [])) > 0
	],
)

deny contains finding if {
	not encrypted_by_default
	count(default_pending) == 0
	some v in volumes
	not encrypted(v)
	tf.is_known(v.resource, v.path)
	finding := {"resource": v.resource.id, "message": message(v)}
}

unknown contains tf.undetermined(v.resource, v.path) if {
	not encrypted_by_default
	some v in volumes
	tf.is_unknown(v.resource, v.path)
}

unknown contains tf.undetermined_because(v.resource, reason) if {
	not encrypted_by_default
	some v in volumes
	not encrypted(v)
	some reason in default_pending
}

# aws_ebs_encryption_by_default's enabled defaults to true.
encrypted_by_default if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	tf.is_known(d, "enabled")
	tf.value(d, "enabled") in {true, null}
}

default_pending contains sprintf("%s.enabled is known only after apply", [d.id]) if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	tf.is_unknown(d, "enabled")
}

# Launch templates write encrypted as the string "true" or "false".
encrypted(v) if tf.value(v.resource, v.path) in {true, "true"}

message(v) := sprintf("%s has %s = %v%s", [v.resource.id, attribute(v), value, by_default_note]) if {
	value := tf.value(v.resource, v.path)
	value != null
} else := sprintf("%s does not set %s%s", [v.resource.id, attribute(v), by_default_note])

attribute(v) := "encrypted" if v.path == ["encrypted"]

attribute(v) := concat(".", [sprintf("%v", [p]) | some p in v.path]) if v.path != ["encrypted"]

by_default_note := ", and no aws_ebs_encryption_by_default enables encryption by default"
