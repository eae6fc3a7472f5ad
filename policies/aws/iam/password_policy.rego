# METADATA
# title: The IAM account password policy is strong
# description: >-
#   Every aws_iam_account_password_policy sets minimum_password_length of at
#   least 14, requires lowercase, uppercase, numbers and symbols,
#   password_reuse_prevention of at least 24 and a max_password_age of at
#   most 90 days (CIS AWS Foundations and AWS Security Hub IAM.7 values).
#   Unset attributes take the weak AWS defaults (length 8, no classes, no
#   reuse limit, no expiry). The password policy is the documented
#   authentication standard an auditor tests console access against.
# custom:
#   id: AWS-IAM-002
#   severity: medium
#   criteria: [CC6.1]
#   resource_types: [aws_iam_account_password_policy]
#   remediation: >-
#     Set minimum_password_length = 14, require_lowercase_characters,
#     require_uppercase_characters, require_numbers and require_symbols =
#     true, password_reuse_prevention = 24 and max_password_age = 90.
package soc2scan.rules.aws.iam.password_policy

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

classes := ["require_lowercase_characters", "require_uppercase_characters", "require_numbers", "require_symbols"]

deciding := array.concat(["minimum_password_length", "password_reuse_prevention", "max_password_age"], classes)

deny contains finding if {
	some p in tf.resources("aws_iam_account_password_policy")
	found := weaknesses(p)
	count(found) > 0
	finding := {"resource": p.id, "message": sprintf("%s %s", [p.id, concat("; ", found)])}
}

unknown contains tf.undetermined(p, attr) if {
	some p in tf.resources("aws_iam_account_password_policy")
	count(weaknesses(p)) == 0
	some attr in deciding
	tf.is_unknown(p, attr)
}

# Each check is its own term: one that holds must not hide the others.
weaknesses(p) := array.concat(
	array.concat(array.concat([w | w := length(p)], [w | w := reuse(p)]), [w | w := age(p)]),
	[sprintf("does not set %s = true", [c]) | some c in classes; tf.is_known(p, c); not aws.is_true(p, c)],
)

length(p) := sprintf("has minimum_password_length = %v, less than 14", [v]) if {
	v := tf.value(p, "minimum_password_length")
	v != null
	not aws.number(v) >= 14
} else := "does not set minimum_password_length (the default is 8)" if {
	tf.value(p, "minimum_password_length") == null
	tf.is_known(p, "minimum_password_length")
}

reuse(p) := sprintf("has password_reuse_prevention = %v, less than 24", [v]) if {
	v := tf.value(p, "password_reuse_prevention")
	v != null
	not aws.number(v) >= 24
} else := "does not set password_reuse_prevention (passwords may be reused)" if {
	tf.value(p, "password_reuse_prevention") == null
	tf.is_known(p, "password_reuse_prevention")
}

age(p) := sprintf("has max_password_age = %v, more than 90 days", [v]) if {
	v := tf.value(p, "max_password_age")
	v != null
	not aws.number(v) <= 90
} else := "does not set max_password_age (passwords never expire)" if {
	tf.value(p, "max_password_age") == null
	tf.is_known(p, "max_password_age")
}
