# METADATA
# title: Ingresses serve every host over TLS
# description: >-
#   Every Ingress has a spec.tls entry, every host of its rules is listed
#   in (or matched by a wildcard of) the hosts of a spec.tls entry, and no
#   nginx ssl-redirect annotation turns the redirect to HTTPS off. Traffic
#   to a host without TLS, credentials and session cookies included,
#   crosses the network in clear text.
# custom:
#   id: K8S-NET-003
#   severity: high
#   criteria: [CC6.1, CC6.6, CC6.7]
#   resource_types: [Ingress]
#   remediation: >-
#     Add spec.tls with the Ingress's hosts and a secretName holding the
#     certificate (or a cert-manager annotation that issues it), and leave
#     the controller's HTTP-to-HTTPS redirect on.
package soc2scan.rules.kubernetes.network.ingress_tls

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some ing in k8s.resources("Ingress")
	count(tls_entries(ing)) == 0
	finding := {"resource": ing.id, "path": ["spec"], "message": sprintf("%s has no spec.tls: it serves HTTP only", [ing.id])}
}

deny contains finding if {
	some ing in k8s.resources("Ingress")
	count(tls_entries(ing)) > 0
	covered := {h | some entry in tls_entries(ing); some h in object.get(entry, "hosts", [])}
	some i, rule in ing.values.spec.rules
	host := rule.host
	is_string(host)
	not matched(host, covered)
	finding := {"resource": ing.id, "path": ["spec", "rules", i, "host"], "message": sprintf("%s serves host %s without TLS: no spec.tls entry lists it", [ing.id, host])}
}

deny contains finding if {
	some ing in k8s.resources("Ingress")
	some name in ["nginx.ingress.kubernetes.io/ssl-redirect", "nginx.ingress.kubernetes.io/force-ssl-redirect"]
	value := ing.values.metadata.annotations[name]
	lower(sprintf("%v", [value])) == "false"
	count(tls_entries(ing)) > 0
	finding := {"resource": ing.id, "path": ["metadata", "annotations", name], "message": sprintf("%s turns the HTTPS redirect off (%s = %v)", [ing.id, name, value])}
}

tls_entries(ing) := entries if {
	entries := ing.values.spec.tls
	is_array(entries)
} else := []

matched(host, covered) if host in covered

# A wildcard certificate host *.example.com covers one label in its place.
matched(host, covered) if {
	some pattern in covered
	startswith(pattern, "*.")
	suffix := substring(pattern, 1, -1)
	endswith(host, suffix)
	not contains(trim_suffix(host, suffix), ".")
}
