package soc2scan.rules.config.app.debug_disabled_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.app.debug_disabled

test_fail_debug_switches if {
	findings := debug_disabled.deny with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"DEBUG": true,
		"server": {"display_errors": "On"},
		"remoteDebugging": {"enabled": true},
	}}])
	findings == {
		{"resource": "app.yaml", "message": "app.yaml: DEBUG = true turns a debug mode on", "path": ["DEBUG"]},
		{"resource": "app.yaml", "message": "app.yaml: server.display_errors = On turns a debug mode on", "path": ["server", "display_errors"]},
		{"resource": "app.yaml", "message": "app.yaml: remoteDebugging.enabled = true turns a debug mode on", "path": ["remoteDebugging", "enabled"]},
	}
}

test_pass_debug_off if {
	count(debug_disabled.deny) == 0 with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"debug": false,
		"log_level": "debug",
		"features": {"enabled": true},
	}}])
}
