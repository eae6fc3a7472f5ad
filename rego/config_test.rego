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
