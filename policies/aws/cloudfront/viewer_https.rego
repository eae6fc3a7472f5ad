# METADATA
# title: CloudFront cache behaviours require HTTPS from viewers
# description: >-
#   The default cache behaviour and every ordered cache behaviour of an
#   aws_cloudfront_distribution set viewer_protocol_policy to
#   "redirect-to-https" or "https-only", never "allow-all". With allow-all,
#   viewers can fetch content and send cookies or form data over plain HTTP,
#   where it can be read or altered in transit.
# custom:
#   id: AWS-CF-001
#   severity: high
#   criteria: [CC6.7]
#   resource_types: [aws_cloudfront_distribution]
#   remediation: >-
#     Set viewer_protocol_policy = "redirect-to-https" (or "https-only") in
#     default_cache_behavior and in every ordered_cache_behavior.
package soc2scan.rules.aws.cloudfront.viewer_https

import data.soc2scan.lib.terraform as tf

behaviours := ["default_cache_behavior", "ordered_cache_behavior"]

deny contains finding if {
	some d in tf.resources("aws_cloudfront_distribution")
	some kind in behaviours
	some i, b in tf.blocks(d, kind)
	b.viewer_protocol_policy == "allow-all"
	finding := {"resource": d.id, "message": sprintf("%s %s has viewer_protocol_policy = \"allow-all\"%s", [d.id, kind, path(b)])}
}

unknown contains tf.undetermined(d, [kind, i, "viewer_protocol_policy"]) if {
	some d in tf.resources("aws_cloudfront_distribution")
	some kind in behaviours
	some i, _ in tf.blocks(d, kind)
	tf.is_unknown(d, [kind, i, "viewer_protocol_policy"])
}

unknown contains tf.undetermined(d, kind) if {
	some d in tf.resources("aws_cloudfront_distribution")
	some kind in behaviours
	tf.is_unknown(d, kind)
}

path(b) := sprintf(" (path_pattern %q)", [b.path_pattern]) if {
	is_string(b.path_pattern)
} else := ""
