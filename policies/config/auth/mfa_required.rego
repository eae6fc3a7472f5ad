# METADATA
# title: Config files require multi-factor authentication
# description: >-
#   In generic config files, no multi-factor authentication setting is off
#   or optional (mfa: false, require_mfa: false, two_factor: optional,
#   mfa.enforced: false, mfa_mode: off ...). A password alone is the only
#   thing between an attacker with a leaked or guessed credential and the
#   account; for interactive and administrative logins a second factor is
#   expected.
# custom:
#   id: CFG-AUTH-002
#   severity: high
#   criteria: [CC6.1, CC6.6]
#   resource_types: [config]
#   remediation: >-
#     Require MFA for every interactive and administrative login
#     (require_mfa: true, mfa: required), preferably phishing-resistant
#     (WebAuthn, FIDO2), with recovery through a reviewed process.
package soc2scan.rules.config.auth.mfa_required

import data.soc2scan.lib.config

mfa_keys := {
	"mfa", "mfarequired", "requiremfa", "mfaenabled", "enforcemfa", "mfaenforced", "mfamode",
	"twofactor", "2fa", "twofactorauth", "twofactorauthentication", "requiretwofactor",
	"twofactorrequired", "multifactor", "multifactorauthentication", "requiremultifactor",
	"otprequired", "requireotp", "totprequired", "enforce2fa", "require2fa", "mfapolicy",
}

mfa_parents := {"mfa", "twofactor", "2fa", "multifactor", "multifactorauthentication", "twofactorauthentication", "otp", "totp"}

not_required := {"optional", "off", "none", "disabled", "never", "false", "no", "skip"}

deny contains finding if {
	some s in config.settings
	s.key in mfa_keys
	off(s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v does not require MFA", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	s.key in {"enabled", "required", "enforced", "enforce", "mode", "policy"}
	s.parent in mfa_parents
	off(s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v does not require MFA", [s.resource.id, config.dotted(s.path), s.value])}
}

off(v) if config.is_false(v)

off(v) if {
	is_string(v)
	lower(trim_space(v)) in not_required
}
