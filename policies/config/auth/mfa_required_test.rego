package soc2scan.rules.config.auth.mfa_required_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.auth.mfa_required

test_fail_mfa_off_or_optional if {
	findings := mfa_required.deny with input as testing.config([{"id": "sso.yaml", "type": "config", "values": {
		"admin": {"require_mfa": false},
		"users": {"two_factor": "optional"},
		"mfa": {"enforced": "false"},
	}}])
	findings == {
		{"resource": "sso.yaml", "message": "sso.yaml: admin.require_mfa = false does not require MFA", "path": ["admin", "require_mfa"]},
		{"resource": "sso.yaml", "message": "sso.yaml: users.two_factor = optional does not require MFA", "path": ["users", "two_factor"]},
		{"resource": "sso.yaml", "message": "sso.yaml: mfa.enforced = false does not require MFA", "path": ["mfa", "enforced"]},
	}
}

test_pass_mfa_required if {
	count(mfa_required.deny) == 0 with input as testing.config([{"id": "sso.yaml", "type": "config", "values": {
		"admin": {"require_mfa": true},
		"mfa": {"enforced": true, "mode": "required"},
		"feature": {"enabled": false},
	}}])
}
