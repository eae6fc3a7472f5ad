package soc2scan.rules.config.secrets.plaintext_secrets_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.secrets.plaintext_secrets

test_fail_literal_credentials if {
	findings := plaintext_secrets.deny with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"database": {"host": "db", "password": "hunter2"},
		"stripe": {"apiKey": "sk_live_123"},
		"tls": {"key": "-----BEGIN RSA PRIVATE KEY-----\nMIIB...\n-----END RSA PRIVATE KEY-----"},
	}}])
	findings == {
		{"resource": "app.yaml", "message": "app.yaml: database.password holds a literal credential", "path": ["database", "password"]},
		{"resource": "app.yaml", "message": "app.yaml: stripe.apiKey holds a literal credential", "path": ["stripe", "apiKey"]},
		{"resource": "app.yaml", "message": "app.yaml: tls.key holds a PEM private key", "path": ["tls", "key"]},
	}
}

test_pass_references if {
	count(plaintext_secrets.deny) == 0 with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"database": {"password": "${DB_PASSWORD}", "password_file": "/run/secrets/db"},
		"api_key": "vault:secret/data/app#api_key",
		"token_url": "https://auth.example.com/token",
		"client_secret": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app",
		"secret_enabled": true,
		"primary_key": "id",
	}}])
}
