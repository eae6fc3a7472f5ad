# METADATA
# title: Security Hub is enabled with a security standard
# description: >-
#   Every aws_securityhub_account subscribes to at least one security
#   standard: it keeps enable_default_standards (the default, true:
#   AWS Foundational Security Best Practices and CIS) or the document
#   declares an aws_securityhub_standards_subscription. Security Hub
#   without a standard collects findings but evaluates no controls; the
#   continuous control checks are the monitoring evidence an auditor
#   looks for.
# custom:
#   id: AWS-SH-001
#   severity: medium
#   criteria: [CC3.1, CC4.1, CC6.8, CC7.1, CC7.2, CC7.3, CC7.4]
#   resource_types: [aws_securityhub_account]
#   remediation: >-
#     Remove enable_default_standards = false, or add an
#     aws_securityhub_standards_subscription (e.g. for
#     arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0).
package soc2scan.rules.aws.securityhub.enabled

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some account in tf.resources("aws_securityhub_account")
	aws.is_false(account, "enable_default_standards")
	count(tf.resources("aws_securityhub_standards_subscription")) == 0
	finding := {"resource": account.id, "message": sprintf("%s has enable_default_standards = false and no aws_securityhub_standards_subscription is declared: no security standard is evaluated", [account.id])}
}

unknown contains tf.undetermined(account, "enable_default_standards") if {
	some account in tf.resources("aws_securityhub_account")
	tf.is_unknown(account, "enable_default_standards")
	count(tf.resources("aws_securityhub_standards_subscription")) == 0
}
