# METADATA
# title: Kubeconfig clusters verify the API server's certificate
# description: >-
#   No cluster of a kubeconfig file sets insecure-skip-tls-verify: true.
#   Without certificate verification, kubectl and every tool using the file
#   send credentials to whoever answers at the server's address: the
#   encryption in transit CC6.7 asks for is there, but not the assurance of
#   who is at the other end.
# custom:
#   id: CFG-KUBE-001
#   severity: high
#   criteria: [CC6.7]
#   resource_types: [kubeconfig]
#   remediation: >-
#     Remove insecure-skip-tls-verify and set certificate-authority (a file)
#     or certificate-authority-data (base64 PEM) to the cluster's CA.
package soc2scan.rules.config.kubeconfig.tls_verify

import data.soc2scan.lib.config

deny contains finding if {
	some r in config.resources("kubeconfig")
	some i, c in r.values.clusters
	c.cluster["insecure-skip-tls-verify"] == true
	finding := {"resource": r.id, "path": ["clusters", i, "cluster", "insecure-skip-tls-verify"], "message": sprintf(
		"%s: cluster %q sets insecure-skip-tls-verify: true",
		[r.id, object.get(c, "name", sprintf("%d", [i]))],
	)}
}
