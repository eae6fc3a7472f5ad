package soc2scan.rules.gcp.network.admin_ports_open_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.gcp.network.admin_ports_open

fw(name, values) := {"id": sprintf("google_compute_firewall.%s", [name]), "type": "google_compute_firewall", "values": values}

test_fail_ssh_and_rdp_open if {
	findings := admin_ports_open.deny with input as doc([
		fw("ssh", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "icmp"}, {"protocol": "tcp", "ports": ["80", "22"]}]}),
		fw("rdp_udp", {"source_ranges": ["::/0"], "allow": [{"protocol": "udp", "ports": ["21-3390"]}]}),
		fw("all", {"allow": [{"protocol": "all"}]}),
	])
	findings == {
		{"resource": "google_compute_firewall.ssh", "message": "google_compute_firewall.ssh allows tcp port 22 (allow[1]) from source_ranges [\"0.0.0.0/0\"]"},
		{"resource": "google_compute_firewall.rdp_udp", "message": "google_compute_firewall.rdp_udp allows udp port 3389 (allow[0]) from source_ranges [\"::/0\"]"},
		{
			"resource": "google_compute_firewall.all",
			"message": "google_compute_firewall.all allows all protocols (allow[0].protocol = \"all\") from anywhere (no source_ranges, source_tags or source_service_accounts, so GCP applies 0.0.0.0/0)",
		},
	}
}

test_fail_tcp_without_ports if {
	findings := admin_ports_open.deny with input as doc([fw("tcp", {"direction": "INGRESS", "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "6"}]})])
	findings == {{"resource": "google_compute_firewall.tcp", "message": "google_compute_firewall.tcp allows tcp port 22 (allow[0]), tcp port 3389 (allow[0]) from source_ranges [\"0.0.0.0/0\"]"}}
}

test_pass_restricted if {
	count(admin_ports_open.deny) == 0 with input as doc([
		fw("tags", {"source_tags": ["web"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		fw("iap", {"source_ranges": ["35.235.240.0/20"], "allow": [{"protocol": "tcp", "ports": ["22", "3389"]}]}),
		fw("web", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["80", "443", "1000-2000"]}, {"protocol": "udp", "ports": ["22"]}]}),
		fw("egress", {"direction": "EGRESS", "allow": [{"protocol": "all"}]}),
		fw("off", {"disabled": true, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]}),
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(fw("ssh", {"allow": [{"protocol": "tcp", "ports": ["22"]}]}), {"unknown": {"source_ranges": true}})])
	count(admin_ports_open.deny) == 0 with input as input_doc
	admin_ports_open.unknown == {{"resource": "google_compute_firewall.ssh", "message": "source_ranges is known only after apply"}} with input as input_doc
}
