# METADATA
# title: Firewall rules do not open SSH or RDP to the internet
# description: >-
#   No enabled INGRESS google_compute_firewall allows TCP port 22 (SSH) or
#   port 3389 (RDP, over TCP or UDP), or all protocols, from 0.0.0.0/0 or
#   ::/0, or from no source at all (GCP then applies 0.0.0.0/0).
#   Administrative ports open to the whole internet invite brute force and
#   exploitation of remote-access services; an auditor expects remote
#   administration to come only through controlled paths.
# custom:
#   id: GCP-NET-001
#   severity: critical
#   criteria: [CC6.6]
#   resource_types: [google_compute_firewall]
#   remediation: >-
#     Restrict source_ranges to known administrative networks (for IAP TCP
#     forwarding, 35.235.240.0/20), or use source_tags / source_service_accounts
#     of bastion hosts; remove 0.0.0.0/0 and ::/0.
package soc2scan.rules.gcp.network.admin_ports_open

import data.soc2scan.lib.gcp
import data.soc2scan.lib.terraform as tf

# admin_ports maps each port to the protocols its service listens on.
admin_ports := {22: {"tcp"}, 3389: {"tcp", "udp"}}

protocol_names := {"6": "tcp", "17": "udp"}

deny contains finding if {
	some fw in tf.resources("google_compute_firewall")
	ingress(fw)
	not disabled(fw)
	sources := world_sources(fw)
	opened := open_admin_ports(fw)
	count(opened) > 0
	finding := {"resource": fw.id, "message": sprintf("%s allows %s from %s", [fw.id, concat(", ", sort(opened)), sources])}
}

unknown contains tf.undetermined(fw, attr) if {
	some fw in tf.resources("google_compute_firewall")
	some attr in ["direction", "disabled", "source_ranges", "source_tags", "source_service_accounts", "allow"]
	tf.contains_unknown(fw, attr)
	not decided(fw)
}

decided(fw) if {
	ingress(fw)
	not disabled(fw)
	world_sources(fw)
	count(open_admin_ports(fw)) > 0
}

ingress(fw) if {
	tf.is_known(fw, "direction")
	upper(object.get(fw.values, "direction", "INGRESS")) == "INGRESS"
}

disabled(fw) if tf.value(fw, "disabled") == true

disabled(fw) if tf.is_unknown(fw, "disabled")

world_sources(fw) := sprintf("source_ranges %s", [json.marshal(world)]) if {
	world := [c | some c in list(tf.value(fw, "source_ranges")); c in gcp.world_cidrs]
	count(world) > 0
} else := "anywhere (no source_ranges, source_tags or source_service_accounts, so GCP applies 0.0.0.0/0)" if {
	some attr in ["source_ranges", "source_tags", "source_service_accounts"]
	tf.is_known(fw, attr)
	count(list(tf.value(fw, "source_ranges"))) == 0
	count(list(tf.value(fw, "source_tags"))) == 0
	count(list(tf.value(fw, "source_service_accounts"))) == 0
	not tf.contains_unknown(fw, "source_ranges")
	not tf.contains_unknown(fw, "source_tags")
	not tf.contains_unknown(fw, "source_service_accounts")
}

open_admin_ports(fw) := {desc |
	some i, rule in tf.blocks(fw, "allow")
	some desc in opens(i, rule)
}

opens(i, rule) := {sprintf("all protocols (allow[%d].protocol = %q)", [i, rule.protocol])} if {
	lower(sprintf("%v", [rule.protocol])) == "all"
} else := {sprintf("%s port %d (allow[%d])", [protocol, port, i]) |
	protocol := protocol_name(rule.protocol)
	some port, protocols in admin_ports
	protocol in protocols
	covers(object.get(rule, "ports", null), port)
}

protocol_name(p) := protocol_names[sprintf("%v", [p])]

protocol_name(p) := lower(p) if {
	is_string(p)
	not protocol_names[p]
}

# An allow block without ports allows every port of its protocol.
covers(ports, _) if count(list(ports)) == 0

covers(ports, port) if {
	some p in list(ports)
	[from, to] := gcp.port_range(p)
	from <= port
	port <= to
}

list(v) := v if is_array(v)

list(v) := [] if not is_array(v)
