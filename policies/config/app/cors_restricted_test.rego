package soc2scan.rules.config.app.cors_restricted_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.app.cors_restricted

test_fail_any_origin if {
	findings := cors_restricted.deny with input as testing.config([
		{"id": "api.yaml", "type": "config", "values": {"cors": {"allowed_origins": ["https://app.example.com", "*"], "allow_credentials": true}}},
		{"id": "web.json", "type": "config", "values": {"headers": {"Access-Control-Allow-Origin": "*"}}},
	])
	findings == {
		{"resource": "api.yaml", "message": "api.yaml: cors.allowed_origins[1] allows any origin (*) with credentials", "path": ["cors", "allowed_origins", 1]},
		{"resource": "web.json", "message": "web.json: headers.Access-Control-Allow-Origin allows any origin (*)", "path": ["headers", "Access-Control-Allow-Origin"]},
	}
}

test_pass_explicit_origins if {
	count(cors_restricted.deny) == 0 with input as testing.config([{"id": "api.yaml", "type": "config", "values": {"cors": {"origins": ["https://app.example.com"], "allow_credentials": true}}}])
}
