# METADATA
# title: Load balancer TLS policies allow only TLS 1.2+ and strong ciphers
# description: >-
#   HTTPS and TLS listeners of application and network load balancers use an
#   ELB security policy that allows only TLS 1.2 or later (an absent
#   ssl_policy means ELBSecurityPolicy-2016-08, which allows TLS 1.0), and
#   Classic Load Balancer SSL negotiation policies enable no SSL/TLS protocol
#   older than TLS 1.2, reference no older predefined policy and enable no
#   cipher outside the strong AES-GCM/AES-SHA2 set. Old protocols and weak
#   ciphers let an attacker downgrade or break the encryption an auditor
#   relies on for data in transit.
# custom:
#   id: AWS-ELB-002
#   severity: medium
#   criteria: [CC6.6, CC6.7]
#   resource_types: [aws_lb_listener, aws_alb_listener, aws_load_balancer_policy]
#   remediation: >-
#     Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or another
#     TLS13-1-2, TLS-1-2 or FS-1-2 policy) on HTTPS/TLS listeners; on Classic
#     Load Balancers use a policy_attribute Reference-Security-Policy =
#     "ELBSecurityPolicy-TLS-1-2-2017-01" and remove Protocol-SSLv3,
#     Protocol-TLSv1, Protocol-TLSv1.1 and weak cipher attributes.
package soc2scan.rules.aws.elb.listener_tls_policy

import data.soc2scan.lib.aws_services as aws
import data.soc2scan.lib.terraform as tf

default_policy := "ELBSecurityPolicy-2016-08"

old_protocols := {"Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"}

# Ciphers of ELBSecurityPolicy-TLS-1-2-2017-01 and the TLS 1.3 suites.
strong_ciphers := {
	"ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
	"ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256",
	"ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
	"ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA384",
	"AES128-GCM-SHA256", "AES128-SHA256", "AES256-GCM-SHA384", "AES256-SHA256",
	"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
}

tls_listener(l) if aws.listener_protocol(l) in {"HTTPS", "TLS"}

deny contains finding if {
	some l in aws.listeners
	tls_listener(l)
	aws.absent(l, "ssl_policy")
	finding := {"resource": l.id, "message": sprintf("%s does not set ssl_policy; the default %s allows TLS 1.0 and 1.1", [l.id, default_policy])}
}

deny contains finding if {
	some l in aws.listeners
	tls_listener(l)
	policy := tf.value(l, "ssl_policy")
	is_string(policy)
	not aws.modern_tls_policy(policy)
	finding := {"resource": l.id, "message": sprintf("%s has ssl_policy = %q, which allows protocols older than TLS 1.2", [l.id, policy])}
}

deny contains finding if {
	some p in negotiation_policies
	some attr in tf.blocks(p, "policy_attribute")
	enabled(attr)
	attr.name in old_protocols
	finding := {"resource": p.id, "message": sprintf("%s enables %s in policy_attribute", [p.id, attr.name])}
}

deny contains finding if {
	some p in negotiation_policies
	some attr in tf.blocks(p, "policy_attribute")
	attr.name == "Reference-Security-Policy"
	is_string(attr.value)
	not aws.modern_tls_policy(attr.value)
	finding := {"resource": p.id, "message": sprintf("%s references %s, which allows protocols older than TLS 1.2", [p.id, attr.value])}
}

deny contains finding if {
	some p in negotiation_policies
	some attr in tf.blocks(p, "policy_attribute")
	enabled(attr)
	cipher(attr.name)
	not attr.name in strong_ciphers
	finding := {"resource": p.id, "message": sprintf("%s enables the weak cipher %s in policy_attribute", [p.id, attr.name])}
}

unknown contains tf.undetermined(l, "ssl_policy") if {
	some l in aws.listeners
	tls_listener(l)
	tf.is_unknown(l, "ssl_policy")
}

unknown contains tf.undetermined(l, "protocol") if {
	some l in aws.listeners
	tf.is_unknown(l, "protocol")
}

unknown contains tf.undetermined(p, "policy_attribute") if {
	some p in negotiation_policies
	tf.contains_unknown(p, "policy_attribute")
}

negotiation_policies := [p |
	some p in tf.resources("aws_load_balancer_policy")
	tf.value(p, "policy_type_name") == "SSLNegotiationPolicyType"
]

enabled(attr) if lower(sprintf("%v", [attr.value])) == "true"

cipher(name) if {
	not startswith(name, "Protocol-")
	not name in {"Reference-Security-Policy", "Server-Defined-Cipher-Order"}
}
