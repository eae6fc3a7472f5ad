package soc2scan.rules.aws.config.aggregator_all_regions_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.config.aggregator_all_regions

agg(name, values) := {"id": sprintf("aws_config_configuration_aggregator.%s", [name]), "type": "aws_config_configuration_aggregator", "values": values}

test_fail_region_list_and_false if {
	findings := aggregator_all_regions.deny with input as doc([
		agg("list", {"account_aggregation_source": [{"account_ids": ["1"], "regions": ["eu-west-1", "us-east-1"]}]}),
		agg("org", {"organization_aggregation_source": [{"all_regions": false, "role_arn": "arn"}]}),
	])
	findings == {
		{"resource": "aws_config_configuration_aggregator.list", "message": "aws_config_configuration_aggregator.list has account_aggregation_source without all_regions = true (it aggregates eu-west-1, us-east-1 only)"},
		{"resource": "aws_config_configuration_aggregator.org", "message": "aws_config_configuration_aggregator.org has organization_aggregation_source without all_regions = true"},
	}
}

test_pass_all_regions if {
	count(aggregator_all_regions.deny) == 0 with input as doc([agg("org", {"organization_aggregation_source": [{"all_regions": true}]})])
}

test_unknown_all_regions_is_not_a_finding if {
	input_doc := doc([object.union(agg("org", {"organization_aggregation_source": [{}]}), {"unknown": {"organization_aggregation_source": [{"all_regions": true}]}})])
	count(aggregator_all_regions.deny) == 0 with input as input_doc
	aggregator_all_regions.unknown == {{"resource": "aws_config_configuration_aggregator.org", "message": "organization_aggregation_source.0.all_regions is known only after apply"}} with input as input_doc
}
