# METADATA
# title: AWS Config aggregators cover all regions
# description: >-
#   Every aws_config_configuration_aggregator sets all_regions = true in its
#   account_aggregation_source or organization_aggregation_source, rather
#   than a fixed list of regions. An aggregator with a region list silently
#   misses resources in regions added later or used by mistake, so the
#   central inventory an auditor is shown is incomplete.
# custom:
#   id: AWS-CONFIG-002
#   severity: low
#   criteria: [CC2.1, CC3.1, CC3.4, CC8.1]
#   resource_types: [aws_config_configuration_aggregator]
#   remediation: >-
#     Set all_regions = true in the aggregation source block and remove
#     regions.
#   rationale: >-
#     No control-map row covers aggregators; the criteria are those of the
#     row for the AWS Config recorder (aws-config-recorder-enabled), whose
#     inventory the aggregator centralises.
package soc2scan.rules.aws.config.aggregator_all_regions

import data.soc2scan.lib.aws
import data.soc2scan.lib.terraform as tf

sources := ["account_aggregation_source", "organization_aggregation_source"]

deny contains finding if {
	some agg in tf.resources("aws_config_configuration_aggregator")
	some source in sources
	some i, block in tf.blocks(agg, source)
	not aws.bool(object.get(block, "all_regions", false)) == true
	tf.is_known(agg, [source, i, "all_regions"])
	finding := {"resource": agg.id, "message": sprintf("%s has %s without all_regions = true%s", [agg.id, source, regions(block)])}
}

unknown contains tf.undetermined(agg, [source, i, "all_regions"]) if {
	some agg in tf.resources("aws_config_configuration_aggregator")
	some source in sources
	some i, _ in tf.blocks(agg, source)
	tf.is_unknown(agg, [source, i, "all_regions"])
}

unknown contains tf.undetermined(agg, source) if {
	some agg in tf.resources("aws_config_configuration_aggregator")
	some source in sources
	tf.is_unknown(agg, source)
}

regions(block) := sprintf(" (it aggregates %s only)", [concat(", ", aws.strings(block.regions))]) if {
	count(aws.strings(object.get(block, "regions", []))) > 0
} else := ""
