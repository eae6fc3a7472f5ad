package soc2scan.rules.config.kubeconfig.tls_verify_test

import data.soc2scan.lib.testing
import data.soc2scan.rules.config.kubeconfig.tls_verify

kubeconfig(clusters) := testing.config([{"id": "kubeconfig.yaml", "type": "kubeconfig", "values": {
	"apiVersion": "v1",
	"kind": "Config",
	"clusters": clusters,
}}])

test_fail_skip_verify if {
	findings := tls_verify.deny with input as kubeconfig([
		{"name": "prod", "cluster": {"server": "https://prod.example.com", "certificate-authority-data": "LS0t"}},
		{"name": "lab", "cluster": {"server": "https://10.0.0.1:6443", "insecure-skip-tls-verify": true}},
	])
	findings == {{
		"resource": "kubeconfig.yaml",
		"message": `kubeconfig.yaml: cluster "lab" sets insecure-skip-tls-verify: true`,
		"path": ["clusters", 1, "cluster", "insecure-skip-tls-verify"],
	}}
}

test_pass_verified_clusters if {
	findings := tls_verify.deny with input as kubeconfig([
		{"name": "prod", "cluster": {"server": "https://prod.example.com", "certificate-authority": "/etc/ca.pem"}},
		{"name": "dev", "cluster": {"server": "https://dev.example.com", "insecure-skip-tls-verify": false}},
	])
	count(findings) == 0
}

test_pass_no_clusters if {
	findings := tls_verify.deny with input as kubeconfig([])
	count(findings) == 0
}
