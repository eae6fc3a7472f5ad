# METADATA
# title: Load balancer listeners use HTTPS or TLS
# description: >-
#   Every ELBv2 listener that speaks plain HTTP only redirects to HTTPS, and
#   no Classic Load Balancer listener accepts plain HTTP or TCP. Traffic that
#   crosses a plain-text listener can be read or altered in transit, so an
#   auditor expects every client connection to be encrypted.
# custom:
#   id: AWS-ELB-001
#   severity: high
#   criteria: [CC6.1, CC6.7]
#   resource_types: [aws_lb_listener, aws_alb_listener, aws_elb]
#   remediation: >-
#     Set protocol = "HTTPS" (or "TLS") with a certificate_arn; keep an HTTP
#     listener only with a default_action of type "redirect" whose redirect
#     block sets protocol = "HTTPS". On aws_elb use lb_protocol = "https" or
#     "ssl" with an ssl_certificate_id.
package soc2scan.rules.aws.elb.listeners_tls

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

deny contains finding if {
	some l in aws.listeners
	aws.listener_protocol(l) == "HTTP"
	tf.is_known(l, "default_action")
	not redirects_to_https(l)
	finding := {"resource": l.id, "message": sprintf("%s listens on plain HTTP and its default_action does not redirect to HTTPS", [l.id])}
}

deny contains finding if {
	some elb in tf.resources("aws_elb")
	some listener in tf.blocks(elb, "listener")
	protocol := lower(listener.lb_protocol)
	protocol in {"http", "tcp"}
	finding := {"resource": elb.id, "message": sprintf("%s has a listener on port %v with lb_protocol = %q, not encrypted", [elb.id, listener.lb_port, listener.lb_protocol])}
}

unknown contains tf.undetermined(l, "protocol") if {
	some l in aws.listeners
	tf.is_unknown(l, "protocol")
}

unknown contains tf.undetermined(l, "default_action") if {
	some l in aws.listeners
	aws.listener_protocol(l) == "HTTP"
	tf.is_unknown(l, "default_action")
}

unknown contains tf.undetermined_because(l, "protocol is not set and the load balancer's type cannot be told") if {
	some l in aws.listeners
	aws.absent(l, "protocol")
	not aws.listener_protocol(l)
}

unknown contains tf.undetermined(elb, "listener") if {
	some elb in tf.resources("aws_elb")
	tf.contains_unknown(elb, "listener")
}

redirects_to_https(l) if {
	actions := tf.blocks(l, "default_action")
	count(actions) > 0
	every a in actions {
		a.type == "redirect"
		some redirect in a.redirect
		upper(redirect.protocol) == "HTTPS"
	}
}
