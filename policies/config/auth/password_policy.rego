# METADATA
# title: Config files set a strong password policy
# description: >-
#   In generic config files, a password minimum length (min_length,
#   minimum_password_length, password.minLength ...) is at least 14, a
#   password history or reuse setting is not 0, and account lockout is
#   neither turned off nor unlimited (lockout.enabled: false,
#   max_login_attempts: 0). Short passwords, unlimited guessing and
#   endless reuse let credentials be guessed or stuffed, which defeats the
#   authentication CC6.1 relies on.
# custom:
#   id: CFG-AUTH-001
#   severity: medium
#   criteria: [CC6.1]
#   resource_types: [config]
#   remediation: >-
#     Require passwords of at least 14 characters (12 where MFA is
#     enforced) checked against breached-password lists, keep a reuse
#     history, and lock or throttle accounts after a few failed attempts.
package soc2scan.rules.config.auth.password_policy

import data.soc2scan.lib.config

length_keys := {"minlength", "minimumlength", "passwordminlength", "minpasswordlength", "minimumpasswordlength", "passwordlength", "passwordminimumlength", "minlen", "minchars"}

history_keys := {"passwordhistory", "historycount", "history", "reuseprevention", "passwordreuseprevention", "rememberedpasswords", "passwordhistorycount", "preventreuse"}

attempt_keys := {"maxloginattempts", "maxfailedattempts", "maxfailedloginattempts", "lockoutthreshold", "maxattempts", "failedloginattempts", "maxfailures", "lockoutattempts"}

password_context(s) if contains(s.key, "password")

password_context(s) if contains(s.parent, "password")

password_context(s) if {
	some p in s.path
	is_string(p)
	contains(config.normalise(p), "password")
}

deny contains finding if {
	some s in config.settings
	s.key in length_keys
	n := number(s.value)
	n < 14
	password_context(s)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v allows passwords shorter than 14 characters", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	s.key in history_keys
	number(s.value) == 0
	password_context_or_policy(s)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v lets passwords be reused at once", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	s.key in attempt_keys
	number(s.value) == 0
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v allows unlimited failed logins", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	lockout_switch(s)
	config.is_false(s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v turns account lockout off", [s.resource.id, config.dotted(s.path), s.value])}
}

password_context_or_policy(s) if password_context(s)

password_context_or_policy(s) if s.key in {"passwordhistory", "passwordreuseprevention", "passwordhistorycount", "rememberedpasswords"}

lockout_switch(s) if s.key in {"lockoutenabled", "accountlockout", "enablelockout", "lockout", "bruteforceprotection", "bruteforceprotected"}

lockout_switch(s) if {
	s.key in {"enabled", "enable"}
	s.parent in {"lockout", "accountlockout", "bruteforce", "bruteforceprotection"}
}

# number returns a number written as a number or as a numeric string.
number(v) := v if is_number(v)

number(v) := to_number(v) if {
	is_string(v)
	regex.match(`^\s*[0-9]+(\.[0-9]+)?\s*$`, v)
}
