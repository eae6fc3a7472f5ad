# METADATA
# title: ECR repositories scan images on push
# description: >-
#   Every aws_ecr_repository sets image_scanning_configuration.scan_on_push
#   = true, or an aws_ecr_registry_scanning_configuration of the same
#   configuration scans it (scan_type ENHANCED, or a rule whose wildcard
#   repository filter matches the repository's name). Scanning on push
#   finds known vulnerabilities in images before they are deployed: the
#   vulnerability detection an auditor expects for CC7.1.
# custom:
#   id: AWS-ECR-002
#   severity: medium
#   criteria: [CC3.2, CC7.1]
#   resource_types: [aws_ecr_repository]
#   remediation: >-
#     Add image_scanning_configuration { scan_on_push = true } to the
#     repository, or configure registry scanning with an
#     aws_ecr_registry_scanning_configuration (scan_type = "ENHANCED" and a
#     rule with repository_filter { filter = "*", filter_type = "WILDCARD" }).
package soc2scan.rules.aws.ecr.scan_on_push

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

path := ["image_scanning_configuration", 0, "scan_on_push"]

deny contains finding if {
	some r in tf.resources("aws_ecr_repository")
	why := aws.disabled(r, path)
	not registry_scans(r)
	not registry_undecided
	finding := {"resource": r.id, "message": sprintf("%s %s and no registry scanning configuration covers it", [r.id, why])}
}

unknown contains tf.undetermined(r, path) if {
	some r in tf.resources("aws_ecr_repository")
	tf.is_unknown(r, path)
}

unknown contains tf.undetermined_because(r, "the registry scanning configuration is known only after apply") if {
	some r in tf.resources("aws_ecr_repository")
	aws.disabled(r, path)
	registry_undecided
}

registry_scans(_) if {
	some c in tf.resources("aws_ecr_registry_scanning_configuration")
	upper(tf.value(c, "scan_type")) == "ENHANCED"
}

registry_scans(r) if {
	some c in tf.resources("aws_ecr_registry_scanning_configuration")
	some rule in tf.blocks(c, "rule")
	rule.scan_frequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some f in rule.repository_filter
	is_string(r.values.name)
	glob.match(f.filter, [], r.values.name)
}

registry_undecided if {
	some c in tf.resources("aws_ecr_registry_scanning_configuration")
	some attr in ["scan_type", "rule"]
	tf.contains_unknown(c, attr)
}
