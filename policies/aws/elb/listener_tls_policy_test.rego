package soc2scan.rules.aws.elb.listener_tls_policy_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.elb.listener_tls_policy

listener(values) := {"id": "aws_lb_listener.https", "type": "aws_lb_listener", "values": object.union({"protocol": "HTTPS", "port": 443}, values)}

policy(attrs) := {
	"id": "aws_load_balancer_policy.ssl",
	"type": "aws_load_balancer_policy",
	"values": {"policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": [{"name": n, "value": v} | some [n, v] in attrs]},
}

test_fail_listener_default_policy if {
	findings := listener_tls_policy.deny with input as doc([listener({})])
	findings == {{"resource": "aws_lb_listener.https", "message": "aws_lb_listener.https does not set ssl_policy; the default ELBSecurityPolicy-2016-08 allows TLS 1.0 and 1.1"}}
}

test_fail_listener_old_policy if {
	findings := listener_tls_policy.deny with input as doc([listener({"ssl_policy": "ELBSecurityPolicy-TLS13-1-1-2021-06"})])
	{f.resource | some f in findings} == {"aws_lb_listener.https"}
}

test_fail_classic_policy_protocol_and_cipher if {
	findings := listener_tls_policy.deny with input as doc([policy([["Protocol-TLSv1.2", "true"], ["Protocol-TLSv1", "true"], ["DES-CBC3-SHA", "true"], ["Reference-Security-Policy", "ELBSecurityPolicy-TLS-1-1-2017-01"]])])
	findings == {
		{"resource": "aws_load_balancer_policy.ssl", "message": "aws_load_balancer_policy.ssl enables Protocol-TLSv1 in policy_attribute"},
		{"resource": "aws_load_balancer_policy.ssl", "message": "aws_load_balancer_policy.ssl enables the weak cipher DES-CBC3-SHA in policy_attribute"},
		{"resource": "aws_load_balancer_policy.ssl", "message": "aws_load_balancer_policy.ssl references ELBSecurityPolicy-TLS-1-1-2017-01, which allows protocols older than TLS 1.2"},
	}
}

test_pass_modern_policies if {
	count(listener_tls_policy.deny) == 0 with input as doc([
		listener({"ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"}),
		{"id": "aws_lb_listener.http", "type": "aws_lb_listener", "values": {"protocol": "HTTP"}},
		policy([["Protocol-TLSv1.2", "true"], ["Protocol-TLSv1", "false"], ["ECDHE-ECDSA-AES128-GCM-SHA256", "true"], ["Server-Defined-Cipher-Order", "true"]]),
		{"id": "aws_load_balancer_policy.key", "type": "aws_load_balancer_policy", "values": {"policy_type_name": "PublicKeyPolicyType", "policy_attribute": [{"name": "PublicKey", "value": "x"}]}},
	])
}

test_unknown_ssl_policy_is_not_a_finding if {
	l := object.union(listener({}), {"unknown": {"ssl_policy": true}})
	count(listener_tls_policy.deny) == 0 with input as doc([l])
	listener_tls_policy.unknown == {{"resource": "aws_lb_listener.https", "message": "ssl_policy is known only after apply"}} with input as doc([l])
}
