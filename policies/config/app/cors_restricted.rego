# METADATA
# title: Config files restrict CORS origins
# description: >-
#   In generic config files, no CORS allowed-origins setting
#   (allowed_origins, cors.origins, Access-Control-Allow-Origin ...)
#   contains "*" or a match-everything pattern. Any web site can then read
#   the API's responses from a visitor's browser; combined with
#   credentials (allow_credentials: true) it reads them with the
#   visitor's session.
# custom:
#   id: CFG-APP-002
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [config]
#   remediation: >-
#     List the exact origins that may call the API
#     (allowed_origins: [https://app.example.com]) and allow credentials
#     only for those origins.
package soc2scan.rules.config.app.cors_restricted

import data.soc2scan.lib.config

origin_keys := {"allowedorigins", "alloworigins", "alloworigin", "corsorigins", "corsorigin", "corsallowedorigins", "accesscontrolalloworigin", "corsalloworigins", "alloworiginpatterns", "allowedoriginpatterns"}

any_origin := {"*", ".*", "*.*", "https://*", "http://*", "^.*$", "null"}

origin_setting(s) if s.key in origin_keys

origin_setting(s) if {
	s.key in {"origins", "origin", "allowed", "allow"}
	s.parent in {"cors", "corsconfig", "corspolicy", "corsorigins"}
}

deny contains finding if {
	some s in config.settings
	is_string(s.value)
	origin_setting(s)
	some origin in regex.split(`[, ]+`, trim_space(s.value))
	origin in any_origin
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s allows any origin (%s)%s", [s.resource.id, config.dotted(s.path), origin, credentials(s)])}
}

credentials(s) := " with credentials" if {
	some c in config.settings
	c.resource.id == s.resource.id
	c.key in {"allowcredentials", "corsallowcredentials", "accesscontrolallowcredentials", "credentials", "supportscredentials"}
	config.is_true(c.value)
} else := ""
