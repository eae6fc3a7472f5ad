# METADATA
# title: Config files allow no TLS version below 1.2 and no weak ciphers
# description: >-
#   In generic config files, no minimum-version or protocol setting (e.g.
#   min_tls_version, tls.min_version, ssl_protocols) names SSLv2, SSLv3,
#   TLS 1.0 or TLS 1.1, and no cipher setting enables RC4, DES/3DES, NULL,
#   EXPORT, MD5 or anonymous suites. These protocols and ciphers have
#   practical attacks: traffic protected by them is not protected in the
#   sense CC6.7 asks for.
# custom:
#   id: CFG-TLS-002
#   severity: high
#   criteria: [CC6.6, CC6.7]
#   resource_types: [config]
#   remediation: >-
#     Set the minimum version to TLS 1.2 (preferably 1.3), e.g.
#     min_tls_version: "1.2" or ssl_protocols: [TLSv1.2, TLSv1.3], and use
#     the server's modern cipher defaults or an AEAD-only list
#     (ECDHE with AES-GCM or ChaCha20-Poly1305).
package soc2scan.rules.config.tls.min_tls_version

import data.soc2scan.lib.config

version_keys := {
	"mintlsversion", "minimumtlsversion", "tlsminversion", "tlsminimumversion", "minsslversion",
	"sslminversion", "tlsversion", "sslversion", "sslprotocols", "tlsprotocols", "sslprotocol",
	"tlsprotocol", "minprotocolversion", "sslminprotocolversion", "minimumprotocolversion",
	"securityprotocol", "sslmethod",
}

# Keys that name the version only under a tls/ssl parent.
nested_version_keys := {"minversion", "minimumversion", "version", "versions", "protocols", "protocol", "min"}

cipher_keys := {"ciphers", "ciphersuites", "cipher", "sslciphers", "tlsciphers", "sslcipher", "tlsciphersuites", "sslciphersuites", "cipherlist"}

version_setting(s) if s.key in version_keys

version_setting(s) if {
	s.key in nested_version_keys
	s.parent in {"tls", "ssl", "https", "tlsconfig", "sslconfig"}
}

deny contains finding if {
	some s in config.settings
	not is_object(s.value)
	not is_array(s.value)
	version_setting(s)
	legacy := [t | some t in tokens(s.value); legacy_version(t)]
	count(legacy) > 0
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s allows %s (below TLS 1.2)", [s.resource.id, config.dotted(s.path), concat(", ", legacy)])}
}

deny contains finding if {
	some s in config.settings
	is_string(s.value)
	s.key in cipher_keys
	weak := [t | some t in regex.split(`[:, ]+`, s.value); t != ""; not regex.match(`^[!\-]`, t); regex.match(`(?i)(^|[-_+])(RC4|DES|3DES|NULL|eNULL|aNULL|EXPORT|EXP|MD5|ADH|AECDH|anon)([-_+]|$)`, t)]
	count(weak) > 0
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s enables weak ciphers %s", [s.resource.id, config.dotted(s.path), concat(", ", weak)])}
}

tokens(v) := [t | some t in regex.split(`[, ]+`, trim_space(v)); t != ""] if is_string(v)

tokens(v) := [sprintf("%v", [v])] if is_number(v)

# legacy_version holds for names of SSL and TLS versions below 1.2:
# TLSv1, TLSv1.0, TLS1_1, VersionTLS10, 1.0, 1.1, SSLv3 ...
legacy_version(t) if regex.match(`(?i)^\+?ssl`, t)

legacy_version(t) if {
	not regex.match(`(?i)^[!\-]`, t)
	v := regex.replace(regex.replace(lower(t), `[^a-z0-9]`, ""), `^\+?(version)?(tls)?v?`, "")
	v in {"1", "10", "11"}
}
