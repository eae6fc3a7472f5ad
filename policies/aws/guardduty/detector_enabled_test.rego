package soc2scan.rules.aws.guardduty.detector_enabled_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.guardduty.detector_enabled

detector(values) := {"id": "aws_guardduty_detector.main", "type": "aws_guardduty_detector", "values": values}

org(values) := {"id": "aws_guardduty_organization_configuration.org", "type": "aws_guardduty_organization_configuration", "values": values}

test_fail_disabled if {
	findings := detector_enabled.deny with input as doc([detector({"enable": false})])
	findings == {{"resource": "aws_guardduty_detector.main", "message": "aws_guardduty_detector.main has enable = false: GuardDuty does not monitor the account"}}
}

test_fail_members_not_enrolled if {
	findings := detector_enabled.deny with input as doc([detector({}), org({"auto_enable_organization_members": "NONE"})])
	findings == {{"resource": "aws_guardduty_organization_configuration.org", "message": "aws_guardduty_organization_configuration.org has auto_enable_organization_members = \"NONE\": member accounts are not enrolled"}}
}

test_pass_default_and_all_members if {
	count(detector_enabled.deny) == 0 with input as doc([detector({}), org({"auto_enable_organization_members": "ALL"})])
}

test_unknown_enable_is_not_a_finding if {
	input_doc := doc([object.union(detector({}), {"unknown": {"enable": true}})])
	count(detector_enabled.deny) == 0 with input as input_doc
	detector_enabled.unknown == {{"resource": "aws_guardduty_detector.main", "message": "enable is known only after apply"}} with input as input_doc
}
