# METADATA
# title: ECR repositories have immutable image tags
# description: >-
#   Every aws_ecr_repository sets image_tag_mutability = "IMMUTABLE" (or
#   "IMMUTABLE_WITH_EXCLUSION"); the default MUTABLE lets anyone with push
#   access replace the image behind a deployed tag, so what runs is no
#   longer what was reviewed, tested and approved.
# custom:
#   id: AWS-ECR-001
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [aws_ecr_repository]
#   remediation: Set image_tag_mutability = "IMMUTABLE" and push a new tag for every build.
package soc2scan.rules.aws.ecr.tag_immutability

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

immutable := {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"}

deny contains finding if {
	some r in tf.resources("aws_ecr_repository")
	aws.absent(r, "image_tag_mutability")
	finding := {"resource": r.id, "message": sprintf("%s does not set image_tag_mutability; the default is MUTABLE", [r.id])}
}

deny contains finding if {
	some r in tf.resources("aws_ecr_repository")
	v := tf.value(r, "image_tag_mutability")
	is_string(v)
	not upper(v) in immutable
	finding := {"resource": r.id, "message": sprintf("%s has image_tag_mutability = %q", [r.id, v])}
}

unknown contains tf.undetermined(r, "image_tag_mutability") if {
	some r in tf.resources("aws_ecr_repository")
	tf.is_unknown(r, "image_tag_mutability")
}
