# METADATA
# title: Config files keep application and audit logging on
# description: >-
#   In generic config files, no logging or audit switch is off
#   (logging.enabled: false, audit_log_enabled: false, access_log: off
#   ...), no log level silences the log (off, none, silent, fatal, panic,
#   critical, emergency, alert), and no log output goes to /dev/null.
#   Events that are never written cannot be monitored, investigated or
#   shown to an auditor.
# custom:
#   id: CFG-LOG-001
#   severity: medium
#   criteria: [CC7.2, CC7.3, A1.2]
#   resource_types: [config]
#   remediation: >-
#     Turn logging and audit logging on, set the level to info (or warn at
#     the strictest), and write to stdout/stderr collected by the platform
#     or to a durable sink (file shipped off the host, syslog, a log
#     service).
package soc2scan.rules.config.logging.logging_enabled

import data.soc2scan.lib.config

log_parents := {"log", "logs", "logging", "logger", "audit", "auditlog", "auditlogs", "auditlogging", "accesslog", "accesslogs", "accesslogging", "requestlog", "requestlogging"}

switches := {
	"logging", "loggingenabled", "logenabled", "enablelogging", "enablelog", "audit", "auditenabled",
	"auditlog", "auditlogenabled", "enableaudit", "enableauditlog", "accesslog", "accesslogenabled",
	"enableaccesslog", "requestlogging", "requestlogenabled", "logrequests",
}

silent_levels := {"off", "none", "silent", "quiet", "disabled", "fatal", "panic", "critical", "crit", "emergency", "emerg", "alert"}

deny contains finding if {
	some s in config.settings
	s.key in switches
	config.is_false(s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v turns logging off", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	s.key in {"enabled", "enable"}
	s.parent in log_parents
	config.is_false(s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v turns logging off", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	level_setting(s)
	is_string(s.value)
	lower(s.value) in silent_levels
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %s records (almost) nothing", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	s.key in {"output", "outputs", "file", "path", "filename", "destination", "target", "logfile", "logpath", "logoutput", "logfilename", "auditlogpath", "accesslogpath"}
	output_setting(s)
	is_string(s.value)
	lower(s.value) in {"/dev/null", "nul", "null"}
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %s discards the log", [s.resource.id, config.dotted(s.path), s.value])}
}

level_setting(s) if s.key in {"loglevel", "logginglevel", "auditlevel", "auditloglevel"}

level_setting(s) if {
	s.key in {"level", "root", "default"}
	s.parent in (log_parents | {"level", "levels", "loglevel"})
}

output_setting(s) if startswith(s.key, "log")

output_setting(s) if startswith(s.key, "auditlog")

output_setting(s) if startswith(s.key, "accesslog")

output_setting(s) if s.parent in log_parents
