package soc2scan.rules.config.logging.logging_enabled_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.logging.logging_enabled

test_fail_logging_off_silent_and_discarded if {
	findings := logging_enabled.deny with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"logging": {"level": "OFF", "file": "/dev/null"},
		"audit": {"enabled": false},
		"access_log_enabled": "false",
	}}])
	findings == {
		{"resource": "app.yaml", "message": "app.yaml: logging.level = OFF records (almost) nothing", "path": ["logging", "level"]},
		{"resource": "app.yaml", "message": "app.yaml: logging.file = /dev/null discards the log", "path": ["logging", "file"]},
		{"resource": "app.yaml", "message": "app.yaml: audit.enabled = false turns logging off", "path": ["audit", "enabled"]},
		{"resource": "app.yaml", "message": "app.yaml: access_log_enabled = false turns logging off", "path": ["access_log_enabled"]},
	}
}

test_pass_logging_on if {
	count(logging_enabled.deny) == 0 with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"logging": {"level": "info", "file": "/var/log/app.log"},
		"audit": {"enabled": true},
		"log_level": "warn",
		"cache": {"enabled": false, "file": "/dev/null"},
	}}])
}
