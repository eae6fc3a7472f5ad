# METADATA
# title: CloudFront distributions require TLS 1.2 or later from viewers
# description: >-
#   Every aws_cloudfront_distribution has a viewer_certificate with its own
#   certificate (not cloudfront_default_certificate) and a
#   minimum_protocol_version of TLSv1.2_2018 or later. Without a
#   viewer_certificate, or with the default *.cloudfront.net certificate,
#   CloudFront accepts TLS 1.0; an absent minimum_protocol_version means
#   TLSv1. Old protocols weaken the encryption of data in transit.
# custom:
#   id: AWS-CF-002
#   severity: medium
#   criteria: [CC6.7]
#   resource_types: [aws_cloudfront_distribution]
#   remediation: >-
#     Add viewer_certificate { acm_certificate_arn = ..., ssl_support_method =
#     "sni-only", minimum_protocol_version = "TLSv1.2_2021" }.
package soc2scan.rules.aws.cloudfront.minimum_tls

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

distributions := tf.resources("aws_cloudfront_distribution")

deny contains finding if {
	some d in distributions
	count(tf.blocks(d, "viewer_certificate")) == 0
	tf.is_known(d, "viewer_certificate")
	finding := {"resource": d.id, "message": sprintf("%s has no viewer_certificate; the default certificate allows TLS 1.0", [d.id])}
}

deny contains finding if {
	some d in distributions
	aws.is_true(d, ["viewer_certificate", 0, "cloudfront_default_certificate"])
	finding := {"resource": d.id, "message": sprintf("%s uses cloudfront_default_certificate, which allows TLS 1.0", [d.id])}
}

deny contains finding if {
	some d in distributions
	count(tf.blocks(d, "viewer_certificate")) > 0
	not aws.is_true(d, ["viewer_certificate", 0, "cloudfront_default_certificate"])
	aws.absent(d, ["viewer_certificate", 0, "minimum_protocol_version"])
	finding := {"resource": d.id, "message": sprintf("%s does not set viewer_certificate.minimum_protocol_version; the default TLSv1 allows TLS 1.0", [d.id])}
}

deny contains finding if {
	some d in distributions
	not aws.is_true(d, ["viewer_certificate", 0, "cloudfront_default_certificate"])
	version := tf.value(d, ["viewer_certificate", 0, "minimum_protocol_version"])
	is_string(version)
	not regex.match(`^TLSv1\.[23]_`, version)
	finding := {"resource": d.id, "message": sprintf("%s has viewer_certificate.minimum_protocol_version = %q, older than TLS 1.2", [d.id, version])}
}

unknown contains tf.undetermined(d, "viewer_certificate") if {
	some d in distributions
	tf.contains_unknown(d, "viewer_certificate")
}
