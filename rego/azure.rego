# METADATA
# description: |
#   Helpers for rules over azurerm_* resources: attributes renamed between
#   provider versions, TLS version strings, network security rules in their
#   two forms, diagnostic settings and the App Service resource family.
package soc2scan.lib.azure

import data.soc2scan.lib.terraform as tf

# resources returns the resources of several types, through the by-type
# index.
resources(types) := [r | some type in types; some r in tf.resources(type)]

# setting returns {"path": p, "value": v} for the first of the attribute
# paths (one attribute's names across provider versions, newest first) that
# is set; undefined when none is.
setting(r, paths) := found[0] if {
	found := [{"path": p, "value": v} | some p in paths; v := tf.value(r, p); v != null]
	count(found) > 0
}

# any_unknown holds when one of the attribute paths is known only after
# apply.
any_unknown(r, paths) if {
	some p in paths
	tf.is_unknown(r, p)
}

# unknown_path returns the first of the paths known only after apply.
unknown_path(r, paths) := [p | some p in paths; tf.is_unknown(r, p)][0]

# block returns the first nested block at path, whether written as a block
# (a list of objects) or as an object attribute; {} when absent.
block(r, path) := b if {
	some b in tf.blocks(r, path)
	is_object(b)
} else := b if {
	b := tf.value(r, path)
	is_object(b)
} else := {}

# has_block holds when the nested block at path is present.
has_block(r, path) if count(block(r, path)) > 0

# set holds when a value is given: neither null nor an empty string or list.
set(v) if {
	v != null
	v != ""
	v != []
}

# truthy holds for true and for "true" (HCL without provider schemas keeps
# a value written as a string a string).
truthy(v) if v == true

truthy(v) if lower(v) == "true"

# falsy holds for false and "false".
falsy(v) if v == false

falsy(v) if lower(v) == "false"

# tls_version returns the number of a TLS version however Azure spells it:
# "1.2", 1.2, "TLS1_2", "TLSv1.2", "TLSv1".
tls_version(v) := v if is_number(v)

tls_version(v) := to_number(m[0][1]) if {
	is_string(v)
	m := regex.find_all_string_submatch_n(`^(?:tls)?v?([0-9]+(?:\.[0-9]+)?)$`, replace(lower(trim_space(v)), "_", "."), 1)
	count(m) == 1
}

# weak_tls holds when a minimum TLS version is below 1.2, or turns the TLS
# minimum off ("Disabled", "TLSEnforcementDisabled").
weak_tls(v) if tls_version(v) < 1.2

weak_tls(v) if {
	is_string(v)
	not tls_version(v)
}

# nsg_rules returns the network security rules of the document in one shape:
# inline security_rule blocks of azurerm_network_security_group and
# azurerm_network_security_rule resources. path is where the rule's
# attributes are in the resource ([] for a rule resource).
nsg_rules := array.concat(
	[{"resource": nsg, "path": ["security_rule", i], "label": _inline_label(nsg, i, rule), "values": rule} |
		some nsg in tf.resources("azurerm_network_security_group")
		some i, rule in tf.blocks(nsg, "security_rule")
		is_object(rule)
	],
	[{"resource": r, "path": [], "label": r.id, "values": r.values} |
		some r in tf.resources("azurerm_network_security_rule")
	],
)

_inline_label(nsg, i, rule) := sprintf("%s security_rule %q", [nsg.id, rule.name]) if {
	is_string(rule.name)
} else := sprintf("%s security_rule[%d]", [nsg.id, i])

# nsg_rule_attributes are the attributes that decide what a rule lets in.
nsg_rule_attributes := [
	"direction", "access", "protocol",
	"source_address_prefix", "source_address_prefixes",
	"destination_port_range", "destination_port_ranges",
]

# inbound_allow holds for a rule that allows inbound traffic.
inbound_allow(rule) if {
	lower(object.get(rule.values, "direction", "")) == "inbound"
	lower(object.get(rule.values, "access", "")) == "allow"
}

# rule_unknown returns the deciding attributes of a rule known only after
# apply.
rule_unknown(rule) := [a |
	some a in nsg_rule_attributes
	tf.contains_unknown(rule.resource, array.concat(rule.path, [a]))
]

# protocol returns a rule's protocol in lower case ("tcp", "udp", "*" ...).
protocol(rule) := lower(object.get(rule.values, "protocol", ""))

# internet_sources returns the source prefixes of a rule that stand for the
# whole internet: "*", "Internet", "Any", "0.0.0.0", any CIDR with prefix
# length 0.
internet_sources(rule) := [s |
	some s in array.concat(strings(object.get(rule.values, "source_address_prefix", null)), strings(object.get(rule.values, "source_address_prefixes", null)))
	internet_prefix(s)
]

# internet_prefix holds for an address prefix that stands for every address.
internet_prefix(s) if lower(trim_space(s)) in {"*", "internet", "any", "0.0.0.0", "::"}

internet_prefix(s) if endswith(trim_space(s), "/0")

# port_ranges returns the destination ports of a rule as [from, to] pairs:
# "*" is every port, and lists written with commas are split.
port_ranges(rule) := [range |
	some spec in array.concat(strings(object.get(rule.values, "destination_port_range", null)), strings(object.get(rule.values, "destination_port_ranges", null)))
	some part in split(spec, ",")
	range := _port_range(trim_space(part))
]

_port_range("*") := [0, 65535]

_port_range(p) := [to_number(p), to_number(p)] if regex.match(`^[0-9]+$`, p)

_port_range(p) := [to_number(trim_space(a)), to_number(trim_space(b))] if {
	[a, b] := split(p, "-")
	regex.match(`^\s*[0-9]+\s*$`, a)
	regex.match(`^\s*[0-9]+\s*$`, b)
}

# opens_port holds when a rule's destination ports include port.
opens_port(rule, port) if {
	some [from, to] in port_ranges(rule)
	from <= port
	port <= to
}

# strings returns a value that may be a string or a list of strings as a
# list of strings; anything else is an empty list.
strings(v) := [v] if is_string(v)

strings(v) := [s | some s in v; is_string(s)] if is_array(v)

strings(v) := [] if {
	not is_string(v)
	not is_array(v)
}

# diagnostic_settings returns the azurerm_monitor_diagnostic_setting
# resources whose target_resource_id refers to r.
diagnostic_settings(r) := tf.related(r, "azurerm_monitor_diagnostic_setting", "target_resource_id")

# log_categories returns the log categories and category groups a
# diagnostic setting enables, in lower case: enabled_log blocks (provider
# 3.x and 4.x) and log blocks not set to enabled = false (provider 2.x/3.x).
log_categories(ds) := {lower(c) |
	some b in array.concat(tf.blocks(ds, "enabled_log"), [l | some l in tf.blocks(ds, "log"); not falsy(object.get(l, "enabled", true))])
	some attr in ["category", "category_group"]
	c := b[attr]
	is_string(c)
}

# has_destination holds when a diagnostic setting sends its logs somewhere:
# a Log Analytics workspace, a storage account, an event hub or a partner
# solution (a reference known only after apply counts as set).
has_destination(ds) if {
	some attr in ["log_analytics_workspace_id", "storage_account_id", "eventhub_authorization_rule_id", "eventhub_name", "partner_solution_id"]
	given(ds, attr)
}

# given holds when an attribute is set, or refers to something known only
# after apply (an id of another resource, say).
given(r, path) if set(tf.value(r, path))

given(r, path) if tf.is_unknown(r, path)

# app_types are the App Service resources: web and function apps, of
# provider 3.x/4.x and the older azurerm_app_service/azurerm_function_app.
app_types := [
	"azurerm_linux_web_app",
	"azurerm_windows_web_app",
	"azurerm_linux_function_app",
	"azurerm_windows_function_app",
	"azurerm_app_service",
	"azurerm_function_app",
]

# apps returns every App Service web or function app of the document.
apps := resources(app_types)

# number returns a number written as a number or, in HCL without provider
# schemas, as a string; undefined for anything else.
number(v) := v if is_number(v)

number(v) := to_number(trim_space(v)) if {
	is_string(v)
	regex.match(`^\s*-?[0-9]+(\.[0-9]+)?\s*$`, v)
}

# port_specs returns a rule's destination port specifications as written.
port_specs(rule) := [trim_space(part) |
	some spec in array.concat(strings(object.get(rule.values, "destination_port_range", null)), strings(object.get(rule.values, "destination_port_ranges", null)))
	some part in split(spec, ",")
]
