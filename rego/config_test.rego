package soc2scan.lib.config_test

import data.soc2scan.lib.config
import data.soc2scan.lib.testing

test_statements_of_a_list_have_indexed_paths if {
	r := {"id": "p.json", "type": "iam_policy", "values": {"Statement": [
		{"Effect": "Deny", "Action": "s3:*", "Resource": "*"},
		{"Sid": "Admin", "Effect": "Allow", "Action": ["*"], "Resource": "*"},
	]}}
	[a, b] := config.statements(r)
	a.path == ["Statement", 0]
	a.statement.Action == ["s3:*"]
	b.path == ["Statement", 1]
	config.label(a) == "statement 1"
	config.label(b) == `statement "Admin"`
}

test_a_single_statement_object if {
	r := {"id": "p.json", "type": "iam_policy", "values": {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}}
	[a] := config.statements(r)
	a.path == ["Statement"]
	config.label(a) == "statement 1"
}

test_resources_by_type if {
	d := testing.config([
		{"id": "a.json", "type": "iam_policy", "values": {}},
		{"id": "b.yaml", "type": "app_config", "values": {}},
	])
	[r] := config.resources("app_config") with input as d
	r.id == "b.yaml"
}

test_settings_with_names_parents_and_paths if {
	d := testing.config([
		{"id": "app.yaml", "type": "config", "values": {"server": {"TLS": {"Skip-Verify": true}, "hosts": ["a", "b"]}}},
		{"id": "p.json", "type": "iam_policy", "values": {"tls": false}},
	])
	got := {[s.resource.id, s.path, s.name, s.key, s.parent] | some s in config.settings} with input as d
	got == {
		["app.yaml", ["server"], "server", "server", ""],
		["app.yaml", ["server", "TLS"], "TLS", "tls", "server"],
		["app.yaml", ["server", "TLS", "Skip-Verify"], "Skip-Verify", "skipverify", "tls"],
		["app.yaml", ["server", "hosts"], "hosts", "hosts", "server"],
		["app.yaml", ["server", "hosts", 0], "hosts", "hosts", "server"],
		["app.yaml", ["server", "hosts", 1], "hosts", "hosts", "server"],
	}
}

test_truth_words if {
	config.is_true("Yes")
	config.is_false("off")
	not config.is_true("maybe")
	not config.is_false(0)
}

test_dotted if {
	config.dotted(["server", "tls", 0, "enabled"]) == "server.tls[0].enabled"
}

test_credential_names_and_literal_values if {
	config.credential_name("db_password")
	config.credential_name("clientSecret")
	not config.credential_name("password_file")
	not config.credential_name("token_url")
	config.literal_secret("hunter2")
	not config.literal_secret("${DB_PASSWORD}")
	not config.literal_secret("vault:secret/data/db#password")
	not config.literal_secret("/run/secrets/db")
	not config.literal_secret("****")
	not config.literal_secret("{{ .Values.password }}")
}
