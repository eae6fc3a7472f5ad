package soc2scan.rules.kubernetes.rbac.wildcards_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.rules.kubernetes.rbac.wildcards

role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name, "namespace": "prod"}, "rules": rules}

test_fail_wildcards if {
	findings := wildcards.deny with input as kube([
		role("ClusterRole", "admin-ish", [
			{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]},
			{"apiGroups": ["*"], "resources": ["*"], "verbs": ["get"]},
		]),
		role("Role", "deployer", [{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["*"]}]),
	])
	findings == {
		{"resource": "ClusterRole/admin-ish", "message": "ClusterRole/admin-ish rules[1] grants \"*\" in apiGroups", "path": ["rules", 1, "apiGroups"]},
		{"resource": "ClusterRole/admin-ish", "message": "ClusterRole/admin-ish rules[1] grants \"*\" in resources", "path": ["rules", 1, "resources"]},
		{"resource": "Role/prod/deployer", "message": "Role/prod/deployer rules[0] grants \"*\" in verbs", "path": ["rules", 0, "verbs"]},
	}
}

test_pass_explicit_rules if {
	count(wildcards.deny) == 0 with input as kube([
		role("Role", "reader", [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]}]),
		role("ClusterRole", "aggregated", null),
	])
}
