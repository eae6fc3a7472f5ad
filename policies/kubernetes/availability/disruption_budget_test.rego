package soc2scan.rules.kubernetes.availability.disruption_budget_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.availability.disruption_budget

replicated(name, replicas) := json.patch(workload("Deployment", "prod", name, {"containers": [{"name": "a", "image": "a:1"}]}), [{"op": "add", "path": "/spec/replicas", "value": replicas}])

pdb(ns, name, spec) := {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": name, "namespace": ns}, "spec": spec}

test_fail_no_matching_budget if {
	findings := disruption_budget.deny with input as kube([
		replicated("api", 3),
		replicated("web", 2),
		pdb("prod", "web", {"selector": {"matchLabels": {"app": "web"}}}),
		pdb("other", "api", {"selector": {"matchLabels": {"app": "api"}}, "maxUnavailable": 1}),
	])
	findings == {
		{"resource": "Deployment/prod/api", "message": "Deployment/prod/api runs 3 replicas and no PodDisruptionBudget of namespace prod selects its pods", "path": ["spec"]},
		{"resource": "Deployment/prod/web", "message": "Deployment/prod/web runs 2 replicas and no PodDisruptionBudget of namespace prod selects its pods", "path": ["spec"]},
	}
}

test_pass_budget_or_single_replica if {
	count(disruption_budget.deny) == 0 with input as kube([
		replicated("api", 3),
		pdb("prod", "api", {"selector": {"matchLabels": {"app": "api"}}, "maxUnavailable": 1}),
		replicated("single", 1),
	])
}
