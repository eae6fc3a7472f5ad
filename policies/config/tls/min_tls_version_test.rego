package soc2scan.rules.config.tls.min_tls_version_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.tls.min_tls_version

test_fail_legacy_versions_and_ciphers if {
	findings := min_tls_version.deny with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"server": {"tls": {"min_version": "1.0"}},
		"proxy": {"ssl_protocols": "TLSv1 TLSv1.1 TLSv1.2", "ssl_ciphers": "ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA:!aNULL"},
		"client": {"minTlsVersion": "VersionTLS11"},
	}}])
	findings == {
		{"resource": "app.yaml", "message": "app.yaml: server.tls.min_version allows 1.0 (below TLS 1.2)", "path": ["server", "tls", "min_version"]},
		{"resource": "app.yaml", "message": "app.yaml: proxy.ssl_protocols allows TLSv1, TLSv1.1 (below TLS 1.2)", "path": ["proxy", "ssl_protocols"]},
		{"resource": "app.yaml", "message": "app.yaml: proxy.ssl_ciphers enables weak ciphers RC4-SHA", "path": ["proxy", "ssl_ciphers"]},
		{"resource": "app.yaml", "message": "app.yaml: client.minTlsVersion allows VersionTLS11 (below TLS 1.2)", "path": ["client", "minTlsVersion"]},
	}
}

test_fail_protocol_list_and_sslv3 if {
	findings := min_tls_version.deny with input as testing.config([{"id": "n.json", "type": "config", "values": {"ssl": {"protocols": ["SSLv3", "TLSv1.2"]}}}])
	{f.path | some f in findings} == {["ssl", "protocols", 0]}
}

test_pass_modern_settings if {
	count(min_tls_version.deny) == 0 with input as testing.config([{"id": "app.yaml", "type": "config", "values": {
		"server": {"tls": {"min_version": "1.2", "version": 1.3}},
		"proxy": {"ssl_protocols": "TLSv1.2 TLSv1.3", "ssl_ciphers": "ECDHE-ECDSA-AES256-GCM-SHA384:!RC4:!MD5:-DES"},
		"api": {"version": "1.0"},
	}}])
}
