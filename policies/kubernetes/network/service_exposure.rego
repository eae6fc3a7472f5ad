# METADATA
# title: Services are not exposed outside the cluster unrestricted
# description: >-
#   No Service is of type NodePort, no Service lists externalIPs, and every
#   Service of type LoadBalancer is internal (by its cloud's annotation) or
#   restricted by loadBalancerSourceRanges that do not include 0.0.0.0/0
#   or ::/0. Such Services open workloads to networks outside the cluster,
#   often the internet, past the ingress layer where TLS, authentication
#   and logging are enforced.
# custom:
#   id: K8S-NET-002
#   severity: high
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Service]
#   remediation: >-
#     Use type ClusterIP behind an Ingress or Gateway; where a LoadBalancer
#     is needed, make it internal (e.g. service.beta.kubernetes.io/aws-load-balancer-scheme:
#     internal, networking.gke.io/load-balancer-type: Internal,
#     service.beta.kubernetes.io/azure-load-balancer-internal: "true") or set
#     loadBalancerSourceRanges to the client networks; remove externalIPs.
package soc2scan.rules.kubernetes.network.service_exposure

import data.soc2scan.lib.kubernetes as k8s

# internal_annotations are the annotations, with their values in lower
# case, by which cloud providers make a LoadBalancer internal.
internal_annotations := {
	"service.beta.kubernetes.io/aws-load-balancer-internal": {"true", "0.0.0.0/0"},
	"service.beta.kubernetes.io/aws-load-balancer-scheme": {"internal"},
	"service.beta.kubernetes.io/azure-load-balancer-internal": {"true"},
	"networking.gke.io/load-balancer-type": {"internal"},
	"cloud.google.com/load-balancer-type": {"internal"},
	"service.beta.kubernetes.io/oci-load-balancer-internal": {"true"},
	"service.beta.kubernetes.io/openstack-internal-load-balancer": {"true"},
	"service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type": {"private"},
	"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": {"intranet"},
}

open_ranges := {"0.0.0.0/0", "::/0"}

# services is computed once per evaluation; the four checks share it.
services := k8s.resources("Service")

deny contains finding if {
	some svc in services
	svc.values.spec.type == "NodePort"
	finding := {"resource": svc.id, "path": ["spec", "type"], "message": sprintf("%s is of type NodePort: it listens on every node's address", [svc.id])}
}

deny contains finding if {
	some svc in services
	svc.values.spec.type == "LoadBalancer"
	not internal_load_balancer(svc)
	count(source_ranges(svc)) == 0
	finding := {"resource": svc.id, "path": ["spec", "type"], "message": sprintf("%s is an external LoadBalancer with no loadBalancerSourceRanges", [svc.id])}
}

deny contains finding if {
	some svc in services
	svc.values.spec.type == "LoadBalancer"
	not internal_load_balancer(svc)
	some source in source_ranges(svc)
	source.range in open_ranges
	finding := {"resource": svc.id, "path": source.path, "message": sprintf("%s is an external LoadBalancer open to %s (loadBalancerSourceRanges)", [svc.id, source.range])}
}

deny contains finding if {
	some svc in services
	ips := svc.values.spec.externalIPs
	is_array(ips)
	count(ips) > 0
	finding := {"resource": svc.id, "path": ["spec", "externalIPs"], "message": sprintf("%s sets externalIPs %s", [svc.id, concat(", ", [sprintf("%v", [ip]) | some ip in ips])])}
}

internal_load_balancer(svc) if {
	some name, v in svc.values.metadata.annotations
	values := internal_annotations[name]
	is_string(v)
	lower(v) in values
}

# source_ranges are the spec's loadBalancerSourceRanges, or those of the
# older service.beta.kubernetes.io/load-balancer-source-ranges annotation,
# each as {"range": CIDR, "path": where it is written}.
source_ranges(svc) := [{"range": r, "path": ["spec", "loadBalancerSourceRanges", i]} | some i, r in ranges] if {
	ranges := object.get(svc.values, ["spec", "loadBalancerSourceRanges"], [])
	is_array(ranges)
	count(ranges) > 0
} else := [{"range": trim_space(r), "path": ["metadata", "annotations", source_ranges_annotation]} |
	some r in split(annotation, ",")
	trim_space(r) != ""
] if {
	annotation := object.get(svc.values, ["metadata", "annotations", source_ranges_annotation], "")
	is_string(annotation)
} else := []

source_ranges_annotation := "service.beta.kubernetes.io/load-balancer-source-ranges"
