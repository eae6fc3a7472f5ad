# METADATA
# title: GuardDuty detectors are enabled and auto-enabled for the organisation
# description: >-
#   No aws_guardduty_detector sets enable = false (the default is true), and
#   no aws_guardduty_organization_configuration sets
#   auto_enable_organization_members = "NONE" (or auto_enable = false on
#   older providers). GuardDuty is the managed threat detection that turns
#   CloudTrail, VPC flow and DNS logs into findings; an auditor expects it
#   to run in every account.
# custom:
#   id: AWS-GD-001
#   severity: high
#   criteria: [CC3.1, CC3.2, CC4.2, CC6.8, CC7.1, CC7.2, CC7.3, CC7.4]
#   resource_types: [aws_guardduty_detector, aws_guardduty_organization_configuration]
#   remediation: >-
#     Remove enable = false from the detector (or set enable = true), and set
#     auto_enable_organization_members = "ALL" on the organisation
#     configuration.
package soc2scan.rules.aws.guardduty.detector_enabled

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some detector in tf.resources("aws_guardduty_detector")
	aws.is_false(detector, "enable")
	finding := {"resource": detector.id, "message": sprintf("%s has enable = false: GuardDuty does not monitor the account", [detector.id])}
}

deny contains finding if {
	some config in tf.resources("aws_guardduty_organization_configuration")
	tf.value(config, "auto_enable_organization_members") == "NONE"
	finding := {"resource": config.id, "message": sprintf("%s has auto_enable_organization_members = \"NONE\": member accounts are not enrolled", [config.id])}
}

deny contains finding if {
	some config in tf.resources("aws_guardduty_organization_configuration")
	tf.value(config, "auto_enable_organization_members") == null
	aws.is_false(config, "auto_enable")
	finding := {"resource": config.id, "message": sprintf("%s has auto_enable = false: new member accounts are not enrolled", [config.id])}
}

unknown contains tf.undetermined(detector, "enable") if {
	some detector in tf.resources("aws_guardduty_detector")
	tf.is_unknown(detector, "enable")
}

unknown contains tf.undetermined(config, attr) if {
	some config in tf.resources("aws_guardduty_organization_configuration")
	some attr in ["auto_enable_organization_members", "auto_enable"]
	tf.is_unknown(config, attr)
}
