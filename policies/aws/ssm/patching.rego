# METADATA
# title: SSM patch associations install patches on a schedule and cover the instances
# description: >-
#   Every aws_ssm_association that runs AWS-RunPatchBaseline has a
#   schedule_expression and parameters.Operation = "Install" (the default,
#   Scan, only reports missing patches), and, where the configuration
#   declares such associations, every aws_instance of the document is one
#   of their targets (InstanceIds "*" or a reference to it, or a tag:KEY
#   target matching its tags; resource-group targets cannot be resolved and
#   count as covering). A configuration without patch associations is not
#   judged: patching may be set up in another configuration or through
#   Quick Setup. Timely patching is how known vulnerabilities are closed,
#   the vulnerability management an auditor tests.
# custom:
#   id: AWS-SSM-001
#   severity: medium
#   criteria: [CC3.2, CC7.1]
#   resource_types: [aws_ssm_association, aws_instance]
#   remediation: >-
#     Set schedule_expression (e.g. "cron(0 3 ? * SUN *)") and parameters = {
#     Operation = "Install" } on the AWS-RunPatchBaseline association, and
#     target the instances by a patch-group tag they carry.
package soc2scan.rules.aws.ssm.patching

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

document := "AWS-RunPatchBaseline"

associations := [a |
	some a in tf.resources("aws_ssm_association")
	tf.value(a, "name") == document
]

deny contains finding if {
	some a in associations
	tf.value(a, "schedule_expression") in {null, ""}
	tf.is_known(a, "schedule_expression")
	finding := {"resource": a.id, "message": sprintf("%s runs %s without a schedule_expression: patches are applied once, not on a schedule", [a.id, document])}
}

deny contains finding if {
	some a in associations
	tf.is_known(a, "parameters")
	operation(a) != "Install"
	finding := {"resource": a.id, "message": sprintf("%s runs %s with Operation = %q: it only reports missing patches", [a.id, document, operation(a)])}
}

deny contains finding if {
	count(associations) > 0
	count(pending) == 0
	some i in tf.resources("aws_instance")
	not targeted(i)
	finding := {"resource": i.id, "message": sprintf("%s is a target of none of the %s associations of this configuration (%s)", [i.id, document, concat(", ", sort([a.id | some a in associations]))])}
}

unknown contains tf.undetermined(a, attr) if {
	some a in associations
	some attr in ["schedule_expression", "parameters"]
	tf.is_unknown(a, attr)
}

unknown contains tf.undetermined_because(i, reason) if {
	some i in tf.resources("aws_instance")
	not targeted(i)
	some reason in pending
}

unknown contains tf.undetermined(a, "name") if {
	some a in tf.resources("aws_ssm_association")
	tf.is_unknown(a, "name")
}

pending contains sprintf("%s.targets is known only after apply", [a.id]) if {
	some a in associations
	tf.contains_unknown(a, "targets")
	count(object.get(a.refs, "targets", [])) == 0
}

operation(a) := op if {
	op := object.get(object.get(a.values, "parameters", {}), "Operation", "Scan")
	is_string(op)
} else := "Scan"

targeted(i) if {
	some a in associations
	some t in tf.blocks(a, "targets")
	covers(t, i)
}

targeted(i) if {
	some a in tf.related(i, "aws_ssm_association", "targets")
	a in associations
}

targeted(i) if {
	some a in tf.related(i, "aws_ssm_association", "instance_id")
	a in associations
}

covers(t, _) if {
	t.key == "InstanceIds"
	"*" in aws.strings(t.values)
}

covers(t, _) if startswith(t.key, "resource-groups:")

covers(t, i) if {
	startswith(t.key, "tag:")
	key := substring(t.key, 4, -1)
	value := object.get(object.get(i.values, "tags", {}), key, null)
	value in aws.strings(t.values)
}

covers(t, _) if {
	t.key == "tag-key"
	count(aws.strings(t.values)) > 0
}
