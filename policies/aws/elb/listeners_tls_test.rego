package soc2scan.rules.aws.elb.listeners_tls_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.aws.elb.listeners_tls

alb := {"id": "aws_lb.web", "type": "aws_lb", "values": {"load_balancer_type": "application"}}

listener(name, values) := {
	"id": sprintf("aws_lb_listener.%s", [name]),
	"type": "aws_lb_listener",
	"values": values,
	"refs": {"load_balancer_arn": ["aws_lb.web"]},
}

redirect(protocol) := {"default_action": [{"type": "redirect", "redirect": [{"port": "443", "protocol": protocol, "status_code": "HTTP_301"}]}]}

test_fail_http_forward_with_default_protocol if {
	findings := listeners_tls.deny with input as doc([alb, listener("http", {"port": 80, "default_action": [{"type": "forward"}]})])
	findings == {{"resource": "aws_lb_listener.http", "message": "aws_lb_listener.http listens on plain HTTP and its default_action does not redirect to HTTPS"}}
}

test_fail_redirect_to_http if {
	findings := listeners_tls.deny with input as doc([alb, listener("http", object.union({"protocol": "HTTP"}, redirect("HTTP")))])
	{f.resource | some f in findings} == {"aws_lb_listener.http"}
}

test_fail_classic_http_listener if {
	elb := {"id": "aws_elb.old", "type": "aws_elb", "values": {"listener": [
		{"lb_port": 80, "lb_protocol": "http", "instance_port": 80, "instance_protocol": "http"},
		{"lb_port": 443, "lb_protocol": "https", "instance_port": 80, "instance_protocol": "http"},
	]}}
	listeners_tls.deny == {{"resource": "aws_elb.old", "message": "aws_elb.old has a listener on port 80 with lb_protocol = \"http\", not encrypted"}} with input as doc([elb])
}

test_pass_https_and_redirect if {
	count(listeners_tls.deny) == 0 with input as doc([
		alb,
		listener("https", {"protocol": "HTTPS", "port": 443, "certificate_arn": "arn:aws:acm:eu-west-1:1:certificate/x", "default_action": [{"type": "forward"}]}),
		listener("http", object.union({"port": 80}, redirect("HTTPS"))),
	])
}

test_pass_network_load_balancer_default_tcp if {
	nlb := {"id": "aws_lb.web", "type": "aws_lb", "values": {"load_balancer_type": "network"}}
	count(listeners_tls.deny) == 0 with input as doc([nlb, listener("tcp", {"port": 5432, "default_action": [{"type": "forward"}]})])
}

test_unknown_protocol_is_not_a_finding if {
	l := object.union(listener("x", {"default_action": [{"type": "forward"}]}), {"unknown": {"protocol": true}})
	count(listeners_tls.deny) == 0 with input as doc([alb, l])
	listeners_tls.unknown == {{"resource": "aws_lb_listener.x", "message": "protocol is known only after apply"}} with input as doc([alb, l])
}
