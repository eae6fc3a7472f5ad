# METADATA
# title: Config files do not disable certificate verification
# description: >-
#   In generic config files, no setting skips the verification of the
#   peer's TLS certificate (insecure_skip_verify: true, skip_tls_verify:
#   true, verify_ssl: false, ssl_verify: false, reject_unauthorized:
#   false, tls.insecure: true ...), no PostgreSQL sslmode is disable,
#   allow, prefer or require (none of which verifies the server), and no
#   connection string turns verification off (sslmode=..., tls=skip-verify,
#   tlsInsecure=true, tlsAllowInvalidCertificates=true). Without
#   verification, whoever answers at the address receives the credentials
#   and data: encryption without knowing who is at the other end.
# custom:
#   id: CFG-TLS-003
#   severity: high
#   criteria: [CC6.7]
#   resource_types: [config]
#   remediation: >-
#     Remove the skip/insecure setting and give the client the CA that
#     signs the server's certificate (ca_file, sslrootcert); use sslmode
#     verify-full for PostgreSQL.
package soc2scan.rules.config.tls.verification

import data.soc2scan.lib.config

# skip_keys disable verification when true.
skip_keys := {
	"insecureskipverify", "skiptlsverify", "skipverify", "tlsskipverify", "skipsslverify",
	"sslskipverify", "tlsinsecure", "sslinsecure", "insecuretls", "insecuressl",
	"allowinvalidcertificates", "tlsallowinvalidcertificates", "allowinvalidhostnames",
	"tlsallowinvalidhostnames", "trustallcertificates", "trustall", "acceptanycertificate",
	"disablecertificatevalidation", "disabletlsverification", "disablesslverification",
	"insecureskiptlsverify", "skipcertverify", "ignorecertificateerrors", "ignoresslerrors",
}

# verify_keys disable verification when false.
verify_keys := {
	"verifyssl", "sslverify", "tlsverify", "verifytls", "verifycertificate", "verifycertificates",
	"verifycert", "verifycerts", "checkcertificate", "rejectunauthorized", "validatecerts",
	"validatecertificate", "validatecertificates", "certificatevalidation", "sslcertverification",
	"verifyhostname", "hostnameverification", "sslverifyhost", "verifypeer", "sslverifypeer",
}

deny contains finding if {
	some s in config.settings
	s.key in skip_keys
	config.is_true(s.value)
	finding := turned_off(s)
}

deny contains finding if {
	some s in config.settings
	s.key in {"insecure", "skip"}
	s.parent in {"tls", "ssl", "tlsconfig", "sslconfig", "verify"}
	config.is_true(s.value)
	finding := turned_off(s)
}

deny contains finding if {
	some s in config.settings
	s.key in verify_keys
	config.is_false(s.value)
	finding := turned_off(s)
}

deny contains finding if {
	some s in config.settings
	s.key in {"verify", "verification", "verifymode"}
	s.parent in {"tls", "ssl", "tlsconfig", "sslconfig", "https"}
	unverified(s.value)
	finding := turned_off(s)
}

deny contains finding if {
	some s in config.settings
	s.key == "sslmode"
	is_string(s.value)
	lower(s.value) in weak_sslmodes
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %s does not verify the server's certificate", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	is_string(s.value)
	contains(s.value, "=")
	some match in regex.find_n(`(?i)[?&; ](sslmode=(disable|allow|prefer|require)|tls=skip-verify|tlsinsecure=true|tlsallowinvalidcertificates=true|tlsallowinvalidhostnames=true|trustservercertificate=true)(&|;|\s|$)`, s.value, -1)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s connects without verifying the server's certificate (%s)", [s.resource.id, config.dotted(s.path), trim(match, "?&; ")])}
}

weak_sslmodes := {"disable", "allow", "prefer", "require"}

unverified(v) if config.is_false(v)

unverified(v) if {
	is_string(v)
	lower(v) in {"none", "verify_none", "skip", "insecure"}
}

turned_off(s) := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v turns certificate verification off", [s.resource.id, config.dotted(s.path), s.value])}
