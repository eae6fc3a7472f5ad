package soc2scan.rules.aws.ec2.imdsv2_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.ec2.imdsv2

instance(name, values) := {"id": sprintf("aws_instance.%s", [name]), "type": "aws_instance", "values": values}

test_fail_default_and_optional if {
	findings := imdsv2.deny with input as doc([
		instance("web", {"ami": "ami-1"}),
		{"id": "aws_launch_template.lt", "type": "aws_launch_template", "values": {"metadata_options": [{"http_tokens": "optional"}]}},
	])
	findings == {
		{"resource": "aws_instance.web", "message": "aws_instance.web does not set metadata_options.http_tokens = \"required\" (the default is \"optional\"): the metadata service accepts IMDSv1 requests without a session token"},
		{"resource": "aws_launch_template.lt", "message": "aws_launch_template.lt has metadata_options.http_tokens = \"optional\": the metadata service accepts IMDSv1 requests without a session token"},
	}
}

test_pass_required_or_disabled if {
	count(imdsv2.deny) == 0 with input as doc([
		instance("web", {"metadata_options": [{"http_tokens": "required"}]}),
		instance("batch", {"metadata_options": [{"http_endpoint": "disabled"}]}),
	])
}

test_unknown_tokens_are_not_a_finding if {
	input_doc := doc([object.union(instance("web", {"metadata_options": [{}]}), {"unknown": {"metadata_options": [{"http_tokens": true}]}})])
	count(imdsv2.deny) == 0 with input as input_doc
	imdsv2.unknown == {{"resource": "aws_instance.web", "message": "metadata_options.0.http_tokens is known only after apply"}} with input as input_doc
}
