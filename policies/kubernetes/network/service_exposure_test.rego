package soc2scan.rules.kubernetes.network.service_exposure_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.rules.kubernetes.network.service_exposure

service(name, annotations, spec) := {
	"apiVersion": "v1",
	"kind": "Service",
	"metadata": {"name": name, "namespace": "prod", "annotations": annotations},
	"spec": object.union({"selector": {"app": name}, "ports": [{"port": 443}]}, spec),
}

test_fail_node_port if {
	findings := service_exposure.deny with input as kube([service("api", {}, {"type": "NodePort"})])
	findings == {{"resource": "Service/prod/api", "message": "Service/prod/api is of type NodePort: it listens on every node's address", "path": ["spec", "type"]}}
}

test_fail_public_load_balancer if {
	findings := service_exposure.deny with input as kube([
		service("open", {}, {"type": "LoadBalancer"}),
		service("world", {}, {"type": "LoadBalancer", "loadBalancerSourceRanges": ["10.0.0.0/8", "::/0"]}),
		service("legacy", {"service.beta.kubernetes.io/load-balancer-source-ranges": "10.0.0.0/8, 0.0.0.0/0"}, {"type": "LoadBalancer"}),
		service("notinternal", {"service.beta.kubernetes.io/azure-load-balancer-internal": "false"}, {"type": "LoadBalancer"}),
	])
	findings == {
		{"resource": "Service/prod/open", "message": "Service/prod/open is an external LoadBalancer with no loadBalancerSourceRanges", "path": ["spec", "type"]},
		{"resource": "Service/prod/world", "message": "Service/prod/world is an external LoadBalancer open to ::/0 (loadBalancerSourceRanges)", "path": ["spec", "loadBalancerSourceRanges", 1]},
		{
			"resource": "Service/prod/legacy",
			"message": "Service/prod/legacy is an external LoadBalancer open to 0.0.0.0/0 (loadBalancerSourceRanges)",
			"path": ["metadata", "annotations", "service.beta.kubernetes.io/load-balancer-source-ranges"],
		},
		{"resource": "Service/prod/notinternal", "message": "Service/prod/notinternal is an external LoadBalancer with no loadBalancerSourceRanges", "path": ["spec", "type"]},
	}
}

test_fail_external_ips if {
	findings := service_exposure.deny with input as kube([service("api", {}, {"externalIPs": ["203.0.113.10"]})])
	findings == {{"resource": "Service/prod/api", "message": "Service/prod/api sets externalIPs 203.0.113.10", "path": ["spec", "externalIPs"]}}
}

test_pass_cluster_ip_and_restricted_load_balancers if {
	count(service_exposure.deny) == 0 with input as kube([
		service("internal", {}, {}),
		service("aws", {"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"}, {"type": "LoadBalancer"}),
		service("gke", {"networking.gke.io/load-balancer-type": "Internal"}, {"type": "LoadBalancer"}),
		service("azure", {"service.beta.kubernetes.io/azure-load-balancer-internal": "true"}, {"type": "LoadBalancer"}),
		service("ranges", {}, {"type": "LoadBalancer", "loadBalancerSourceRanges": ["198.51.100.0/24"]}),
		service("headless", {}, {"clusterIP": "None", "externalIPs": []}),
	])
}
