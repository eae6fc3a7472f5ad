package soc2scan.rules.aws.ecr.scan_on_push_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ecr.scan_on_push

repo(name, values) := {"id": sprintf("aws_ecr_repository.%s", [name]), "type": "aws_ecr_repository", "values": object.union({"name": name}, values)}

test_fail_no_scan if {
	findings := scan_on_push.deny with input as doc([
		repo("a", {}),
		repo("b", {"image_scanning_configuration": [{"scan_on_push": false}]}),
	])
	findings == {
		{"resource": "aws_ecr_repository.a", "message": "aws_ecr_repository.a does not set image_scanning_configuration.scan_on_push (the default is false) and no registry scanning configuration covers it"},
		{"resource": "aws_ecr_repository.b", "message": "aws_ecr_repository.b sets image_scanning_configuration.scan_on_push = false and no registry scanning configuration covers it"},
	}
}

test_fail_registry_filter_does_not_match if {
	findings := scan_on_push.deny with input as doc([
		repo("app", {}),
		{"id": "aws_ecr_registry_scanning_configuration.this", "type": "aws_ecr_registry_scanning_configuration", "values": {"scan_type": "BASIC", "rule": [{"scan_frequency": "SCAN_ON_PUSH", "repository_filter": [{"filter": "prod-*", "filter_type": "WILDCARD"}]}]}},
	])
	{f.resource | some f in findings} == {"aws_ecr_repository.app"}
}

test_pass_scan_on_push_or_registry if {
	count(scan_on_push.deny) == 0 with input as doc([
		repo("a", {"image_scanning_configuration": [{"scan_on_push": true}]}),
		repo("prod-api", {}),
		{"id": "aws_ecr_registry_scanning_configuration.this", "type": "aws_ecr_registry_scanning_configuration", "values": {"scan_type": "BASIC", "rule": [{"scan_frequency": "SCAN_ON_PUSH", "repository_filter": [{"filter": "prod-*", "filter_type": "WILDCARD"}]}]}},
	])
}

test_unknown_is_not_a_finding if {
	d := doc([object.union(repo("a", {}), {"unknown": {"image_scanning_configuration": true}})])
	count(scan_on_push.deny) == 0 with input as d
	scan_on_push.unknown == {{"resource": "aws_ecr_repository.a", "message": "image_scanning_configuration.0.scan_on_push is known only after apply"}} with input as d
}
