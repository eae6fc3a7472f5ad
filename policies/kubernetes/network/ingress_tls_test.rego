package soc2scan.rules.kubernetes.network.ingress_tls_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.rules.kubernetes.network.ingress_tls

ingress(name, annotations, spec) := {
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": name, "namespace": "prod", "annotations": annotations},
	"spec": spec,
}

rule(host) := {"host": host, "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}

test_fail_no_tls_uncovered_host_and_redirect_off if {
	findings := ingress_tls.deny with input as kube([
		ingress("plain", {}, {"rules": [rule("a.example.com")]}),
		ingress("partial", {}, {"tls": [{"hosts": ["a.example.com"], "secretName": "a"}], "rules": [rule("a.example.com"), rule("b.example.com")]}),
		ingress("noredirect", {"nginx.ingress.kubernetes.io/ssl-redirect": "false"}, {"tls": [{"hosts": ["*.example.com"], "secretName": "w"}], "rules": [rule("c.example.com")]}),
	])
	findings == {
		{"resource": "Ingress/prod/plain", "message": "Ingress/prod/plain has no spec.tls: it serves HTTP only", "path": ["spec"]},
		{"resource": "Ingress/prod/partial", "message": "Ingress/prod/partial serves host b.example.com without TLS: no spec.tls entry lists it", "path": ["spec", "rules", 1, "host"]},
		{
			"resource": "Ingress/prod/noredirect",
			"message": "Ingress/prod/noredirect turns the HTTPS redirect off (nginx.ingress.kubernetes.io/ssl-redirect = false)",
			"path": ["metadata", "annotations", "nginx.ingress.kubernetes.io/ssl-redirect"],
		},
	}
}

test_fail_wildcard_covers_one_label_only if {
	findings := ingress_tls.deny with input as kube([ingress("deep", {}, {"tls": [{"hosts": ["*.example.com"]}], "rules": [rule("a.b.example.com")]})])
	{f.path | some f in findings} == {["spec", "rules", 0, "host"]}
}

test_pass_tls_for_every_host if {
	count(ingress_tls.deny) == 0 with input as kube([
		ingress("web", {}, {"tls": [{"hosts": ["a.example.com"], "secretName": "a"}, {"hosts": ["*.apps.example.com"], "secretName": "w"}], "rules": [rule("a.example.com"), rule("x.apps.example.com"), {"http": {"paths": []}}]}),
		ingress("default", {}, {"tls": [{"secretName": "d"}], "defaultBackend": {"service": {"name": "web", "port": {"number": 80}}}}),
	])
}
