package soc2scan.lib.aws_iam_test

import data.soc2scan.lib.aws_iam as iam
import data.soc2scan.lib.testing.doc

policy(p) := {"id": "aws_iam_policy.p", "type": "aws_iam_policy", "values": {"policy": p}}

tls_json := `{"Version":"2012-10-17","Statement":{"Sid":"TLS","Effect":"Deny","Action":"s3:*","Principal":"*","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":false}}}}`

tls_statement := {
	"Sid": "TLS",
	"Effect": "Deny",
	"Action": ["s3:*"],
	"NotAction": [],
	"Resource": ["arn:aws:s3:::b/*"],
	"NotResource": [],
	"Principal": {"*": ["*"]},
	"NotPrincipal": {},
	"Condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
	"Unknown": set(),
}

test_statements_of_single_statement_with_string_fields if {
	iam.statements(tls_json) == [tls_statement]
}

test_statements_of_lists_and_principal_map if {
	ss := iam.statements(`{"Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Principal":{"AWS":"arn:aws:iam::1:root","Service":["a","b"]},"Condition":{"StringEquals":{"k":["x","y"]}}}]}`)
	[s] := ss
	s.Action == ["s3:GetObject", "s3:PutObject"]
	s.Resource == []
	s.Principal == {"AWS": ["arn:aws:iam::1:root"], "Service": ["a", "b"]}
	s.Condition == [{"test": "StringEquals", "variable": "k", "values": ["x", "y"]}]
}

test_statements_of_decoded_object if {
	iam.statements({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})[0].Action == ["*"]
}

test_statements_of_document_without_statements if {
	iam.statements(`{"Version":"2012-10-17"}`) == []
	iam.statements(`[1, 2]`) == []
}

test_everyone if {
	iam.everyone({"Principal": {"*": ["*"]}})
	iam.everyone({"Principal": {"AWS": ["arn:aws:iam::1:root", "*"]}})
	not iam.everyone({"Principal": {"AWS": ["arn:aws:iam::1:root"]}})
	not iam.everyone({"Principal": {}})
}

test_strings if {
	iam.strings("a") == ["a"]
	iam.strings(["a", null, "b"]) == ["a", "b"]
	iam.strings(null) == []
}

test_read_json_string if {
	p := policy(tls_json)
	iam.read(p, "policy") == {"statements": [tls_statement], "source": "aws_iam_policy.p.policy"} with input as doc([p])
}

test_read_invalid_json if {
	p := policy("{not json")
	iam.read(p, "policy") == {"unreadable": "aws_iam_policy.p.policy is not valid JSON"} with input as doc([p])
}

test_read_absent_policy_is_empty if {
	p := {"id": "aws_iam_policy.p", "type": "aws_iam_policy"}
	iam.read(p, "policy").statements == [] with input as doc([p])
}

test_read_unknown_without_document if {
	p := {"id": "aws_iam_policy.p", "type": "aws_iam_policy", "unknown": {"policy": true}, "refs": {"policy": ["aws_s3_bucket.b"]}}
	b := {"id": "aws_s3_bucket.b", "type": "aws_s3_bucket"}
	iam.read(p, "policy") == {"unreadable": "aws_iam_policy.p.policy is known only after apply"} with input as doc([p, b])
}

data_document(values, unknown) := {
	"id": "data.aws_iam_policy_document.d",
	"type": "aws_iam_policy_document",
	"mode": "data",
	"values": values,
	"unknown": unknown,
}

unknown_policy := {
	"id": "aws_iam_policy.p",
	"type": "aws_iam_policy",
	"unknown": {"policy": true},
	"refs": {"policy": ["data.aws_iam_policy_document.d"]},
}

test_read_follows_reference_to_document_blocks if {
	d := data_document(
		{"statement": [{
			"sid": "TLS",
			"effect": "Deny",
			"actions": ["s3:*"],
			"resources": ["arn:aws:s3:::b/*"],
			"principals": [{"type": "*", "identifiers": ["*"]}],
			"condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
		}]},
		{},
	)
	iam.read(unknown_policy, "policy") == {"statements": [tls_statement], "source": "data.aws_iam_policy_document.d"} with input as doc([unknown_policy, d])
}

test_read_document_prefers_rendered_json if {
	d := data_document({"json": tls_json, "statement": []}, {})
	iam.read(unknown_policy, "policy").statements == [tls_statement] with input as doc([unknown_policy, d])
}

test_read_document_effect_defaults_to_allow if {
	d := data_document({"statement": [{"actions": ["*"], "resources": ["*"]}]}, {})
	[s] := iam.read(unknown_policy, "policy").statements with input as doc([unknown_policy, d])
	s.Effect == "Allow"
	s.Unknown == set()
}

test_read_document_marks_unknown_fields if {
	d := data_document(
		{"statement": [{"effect": "Allow", "actions": ["*"]}]},
		{"statement": [{"resources": true, "effect": false, "principals": [{"identifiers": [true]}]}]},
	)
	[s] := iam.read(unknown_policy, "policy").statements with input as doc([unknown_policy, d])
	s.Unknown == {"Resource", "Principal"}
	s.Effect == "Allow"
}

test_read_document_unknown_effect_is_empty if {
	d := data_document({"statement": [{"actions": ["*"]}]}, {"statement": [{"effect": true}]})
	[s] := iam.read(unknown_policy, "policy").statements with input as doc([unknown_policy, d])
	s.Effect == ""
	s.Unknown == {"Effect"}
}

test_read_document_with_unknown_statements if {
	d := data_document({}, {"statement": true})
	iam.read(unknown_policy, "policy") == {"unreadable": "data.aws_iam_policy_document.d.statement is known only after apply"} with input as doc([unknown_policy, d])
}

test_read_document_merges_known_source_documents if {
	d := data_document({"source_policy_documents": [tls_json], "statement": [{"effect": "Allow", "actions": ["s3:GetObject"]}]}, {})
	ss := iam.read(unknown_policy, "policy").statements with input as doc([unknown_policy, d])
	count(ss) == 2
	tls_statement in ss
}

test_read_document_with_unknown_source_document if {
	d := data_document({"statement": []}, {"source_policy_documents": [true]})
	iam.read(unknown_policy, "policy") == {"unreadable": "data.aws_iam_policy_document.d.source_policy_documents is known only after apply"} with input as doc([unknown_policy, d])
}

test_read_ambiguous_documents if {
	p := object.union(unknown_policy, {"refs": {"policy": ["data.aws_iam_policy_document.d", "data.aws_iam_policy_document.e"]}})
	d := data_document({"statement": []}, {})
	e := object.union(d, {"id": "data.aws_iam_policy_document.e"})
	iam.read(p, "policy") == {"unreadable": "aws_iam_policy.p.policy refers to more than one aws_iam_policy_document"} with input as doc([p, d, e])
}
