package soc2scan.rules.config.auth.password_policy_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.auth.password_policy

test_fail_weak_policy if {
	findings := password_policy.deny with input as testing.config([{"id": "auth.yaml", "type": "config", "values": {
		"password": {"min_length": 8, "history": 0},
		"lockout": {"enabled": false},
		"max_login_attempts": "0",
	}}])
	findings == {
		{"resource": "auth.yaml", "message": "auth.yaml: password.min_length = 8 allows passwords shorter than 14 characters", "path": ["password", "min_length"]},
		{"resource": "auth.yaml", "message": "auth.yaml: password.history = 0 lets passwords be reused at once", "path": ["password", "history"]},
		{"resource": "auth.yaml", "message": "auth.yaml: lockout.enabled = false turns account lockout off", "path": ["lockout", "enabled"]},
		{"resource": "auth.yaml", "message": "auth.yaml: max_login_attempts = 0 allows unlimited failed logins", "path": ["max_login_attempts"]},
	}
}

test_pass_strong_policy_and_other_lengths if {
	count(password_policy.deny) == 0 with input as testing.config([{"id": "auth.yaml", "type": "config", "values": {
		"password_policy": {"minimum_password_length": 16, "password_history": 24},
		"lockout": {"enabled": true},
		"max_login_attempts": 5,
		"username": {"min_length": 3},
	}}])
}
