package soc2scan.rules.config.tls.tls_enabled_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.tls.tls_enabled

test_fail_switches_and_plain_endpoints if {
	findings := tls_enabled.deny with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"server": {"tls": {"enabled": false}, "port": 8080},
		"database": {"use_ssl": "false", "host": "db.internal"},
		"auth": {"token_url": "http://auth.example.com/token"},
		"brokers": {"urls": ["https://a.example.com", "http://b.example.com"]},
	}}])
	findings == {
		{"resource": "app.yaml", "message": "app.yaml: server.tls.enabled = false turns TLS off", "path": ["server", "tls", "enabled"]},
		{"resource": "app.yaml", "message": "app.yaml: database.use_ssl = false turns TLS off", "path": ["database", "use_ssl"]},
		{"resource": "app.yaml", "message": "app.yaml: auth.token_url = http://auth.example.com/token is a plain-text (non-TLS) endpoint", "path": ["auth", "token_url"]},
		{"resource": "app.yaml", "message": "app.yaml: brokers.urls[1] = http://b.example.com is a plain-text (non-TLS) endpoint", "path": ["brokers", "urls", 1]},
	}
}

test_pass_tls_local_and_links if {
	count(tls_enabled.deny) == 0 with input as testing.config([
		{"id": "app.yaml", "type": "config", "values": {
			"server": {"tls": {"enabled": true, "cert_file": "/etc/tls/cert.pem"}},
			"health_url": "http://localhost:8080/healthz",
			"api_endpoint": "https://api.example.com",
			"$schema": "http://json-schema.org/draft-07/schema#",
			"homepage_url": "http://example.com",
		}},
		{"id": "p.json", "type": "iam_policy", "values": {"url": "http://example.com"}},
	])
}
