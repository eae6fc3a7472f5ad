# METADATA
# title: Config files do not turn TLS off or point at plain-HTTP endpoints
# description: >-
#   In generic config files (JSON/YAML of no recognised shape), no TLS or
#   SSL switch is off (tls: false, ssl_enabled: false, use_ssl: false,
#   tls.enabled: false ...) and no endpoint setting (a key ending in url,
#   uri, endpoint, address, host or server) holds an http://, ws://,
#   ldap:// or ftp:// address other than the local host. Data, credentials
#   and session tokens sent to such endpoints cross the network in clear
#   text.
# custom:
#   id: CFG-TLS-001
#   severity: high
#   criteria: [CC6.1, CC6.6, CC6.7]
#   resource_types: [config]
#   remediation: >-
#     Turn TLS on for the listener or client (tls.enabled: true, with a
#     certificate and key) and use https://, wss://, ldaps:// or ftps://
#     addresses; keep plain HTTP for localhost health checks only.
package soc2scan.rules.config.tls.tls_enabled

import data.soc2scan.lib.config

switches := {"tls", "ssl", "usetls", "usessl", "tlsenabled", "sslenabled", "enabletls", "enablessl", "https", "usehttps", "httpsenabled", "enablehttps", "requiretls", "requiressl", "starttls"}

deny contains finding if {
	some s in config.settings
	s.key in switches
	config.is_false(s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v turns TLS off", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	s.key == "enabled"
	s.parent in {"tls", "ssl", "https"}
	config.is_false(s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v turns TLS off", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	is_string(s.value)
	regex.match(`(?i)^(http|ws|ldap|ftp)://`, s.value)
	endpoint_key(s.key)
	not local(s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %s is a plain-text (non-TLS) endpoint", [s.resource.id, config.dotted(s.path), s.value])}
}

endpoint_key(key) if {
	regex.match(`(url|uri|urls|uris|endpoint|endpoints|address|addr|host|hosts|server|servers|webhook)$`, key)
	not regex.match(`schema|xmlns|namespace|homepage|docs|documentation|repository|repo|license|issues|website|help|support|about|privacy|terms|image|icon|logo|avatar|redirect|callback`, key)
}

local(url) if regex.match(`(?i)^[a-z]+://(localhost|127\.[0-9.]+|\[::1\]|0\.0\.0\.0)([:/]|$)`, url)
