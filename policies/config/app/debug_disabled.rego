# METADATA
# title: Config files keep debug modes and detailed error pages off
# description: >-
#   In generic config files, no debug or development switch is on (debug:
#   true, debug_mode, dev_mode, remote_debugging, show_errors,
#   display_errors, detailed_errors, stack traces in responses ...).
#   Debug modes expose stack traces, configuration and sometimes code
#   execution (interactive debuggers, profilers) to whoever reaches the
#   service, and change its behaviour from what was reviewed and tested.
# custom:
#   id: CFG-APP-001
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [config]
#   remediation: >-
#     Set the debug and development switches to false in deployed
#     configuration, keep them in a local-only override file, and return
#     generic error pages with the detail in the server log.
package soc2scan.rules.config.app.debug_disabled

import data.soc2scan.lib.config

switches := {
	"debug", "debugmode", "enabledebug", "debugenabled", "devmode", "developmentmode", "enabledevmode",
	"remotedebugging", "remotedebuggingenabled", "enableremotedebugging", "showerrors", "displayerrors",
	"showstacktrace", "showstacktraces", "includestacktrace", "stacktraceinresponse", "detailederrors",
	"verboseerrors", "exposeerrors", "showerrordetails", "includeexceptiondetailinfaults", "debugtoolbar",
	"enabledebugtoolbar", "werkzeugdebugger", "pprof", "enablepprof", "profilerenabled", "graphiql",
}

deny contains finding if {
	some s in config.settings
	s.key in switches
	config.is_true(s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v turns a debug mode on", [s.resource.id, config.dotted(s.path), s.value])}
}

deny contains finding if {
	some s in config.settings
	s.key in {"enabled", "enable"}
	s.parent in {"debug", "debugger", "remotedebugging", "devmode", "pprof", "profiler", "debugtoolbar"}
	config.is_true(s.value)
	finding := {"resource": s.resource.id, "path": s.path, "message": sprintf("%s: %s = %v turns a debug mode on", [s.resource.id, config.dotted(s.path), s.value])}
}
