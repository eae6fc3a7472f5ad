# METADATA
# title: Instances require IMDSv2 session tokens
# description: >-
#   Every aws_instance, aws_launch_template and aws_launch_configuration sets
#   metadata_options.http_tokens = "required" (or turns the metadata
#   endpoint off with http_endpoint = "disabled"). Without it the instance
#   metadata service also answers IMDSv1 requests, which a server-side
#   request forgery in any application on the instance can use to steal the
#   instance role's credentials; an auditor expects instance credentials to
#   be protected against that well-known path.
# custom:
#   id: AWS-EC2-003
#   severity: high
#   criteria: [CC6.1, CC7.2]
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#   remediation: >-
#     Add metadata_options { http_tokens = "required" } (and keep
#     http_put_response_hop_limit at 1, or 2 for containers).
package soc2scan.rules.aws.ec2.imdsv2

import data.soc2scan.lib.terraform as tf

types := ["aws_instance", "aws_launch_template", "aws_launch_configuration"]

tokens := ["metadata_options", 0, "http_tokens"]

endpoint := ["metadata_options", 0, "http_endpoint"]

deny contains finding if {
	some type in types
	some r in tf.resources(type)
	not protected(r)
	tf.is_known(r, tokens)
	tf.is_known(r, endpoint)
	finding := {"resource": r.id, "message": message(r)}
}

unknown contains tf.undetermined(r, path) if {
	some type in types
	some r in tf.resources(type)
	not protected(r)
	some path in [tokens, endpoint]
	tf.is_unknown(r, path)
}

protected(r) if tf.value(r, tokens) == "required"

protected(r) if tf.value(r, endpoint) == "disabled"

message(r) := sprintf("%s has metadata_options.http_tokens = %q: the metadata service accepts IMDSv1 requests without a session token", [r.id, tf.value(r, tokens)]) if {
	is_string(tf.value(r, tokens))
} else := sprintf("%s does not set metadata_options.http_tokens = \"required\" (the default is \"optional\"): the metadata service accepts IMDSv1 requests without a session token", [r.id])
