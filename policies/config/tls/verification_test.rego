package soc2scan.rules.config.tls.verification_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.tls.verification

test_fail_skips_and_connection_strings if {
	findings := verification.deny with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"metrics": {"tls_config": {"insecure_skip_verify": true}},
		"http": {"verify_ssl": false},
		"db": {"sslmode": "require", "url": "postgres://app@db.example.com/app?sslmode=disable"},
		"ldap": {"tls": {"insecure": "true"}},
	}}])
	findings == {
		{"resource": "app.yaml", "message": "app.yaml: metrics.tls_config.insecure_skip_verify = true turns certificate verification off", "path": ["metrics", "tls_config", "insecure_skip_verify"]},
		{"resource": "app.yaml", "message": "app.yaml: http.verify_ssl = false turns certificate verification off", "path": ["http", "verify_ssl"]},
		{"resource": "app.yaml", "message": "app.yaml: db.sslmode = require does not verify the server's certificate", "path": ["db", "sslmode"]},
		{"resource": "app.yaml", "message": "app.yaml: db.url connects without verifying the server's certificate (sslmode=disable)", "path": ["db", "url"]},
		{"resource": "app.yaml", "message": "app.yaml: ldap.tls.insecure = true turns certificate verification off", "path": ["ldap", "tls", "insecure"]},
	}
}

test_pass_verified if {
	count(verification.deny) == 0 with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"metrics": {"tls_config": {"insecure_skip_verify": false, "ca_file": "/etc/ca.pem"}},
		"http": {"verify_ssl": true},
		"db": {"sslmode": "verify-full", "url": "postgres://app@db.example.com/app?sslmode=verify-full"},
		"registry": {"insecure": true},
	}}])
}
