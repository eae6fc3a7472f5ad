package soc2scan.rules.kubernetes.rbac.secret_access_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.rules.kubernetes.rbac.secret_access

role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name, "namespace": "prod"}, "rules": rules}

test_fail_secret_readers if {
	findings := secret_access.deny with input as kube([
		role("Role", "reader", [
			{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]},
			{"apiGroups": [""], "resources": ["secrets", "configmaps"], "verbs": ["get", "watch", "list", "create"]},
		]),
		role("ClusterRole", "everything", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]),
	])
	findings == {
		{"resource": "Role/prod/reader", "message": "Role/prod/reader rules[1] grants get, watch, list on secrets (all Secrets of its namespace)", "path": ["rules", 1, "resources"]},
		{"resource": "ClusterRole/everything", "message": "ClusterRole/everything rules[0] grants * on * (all Secrets of the cluster)", "path": ["rules", 0, "resources"]},
	}
}

test_pass_named_secrets_other_resources_and_writes if {
	count(secret_access.deny) == 0 with input as kube([
		role("Role", "one", [{"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["app-tls"], "verbs": ["get"]}]),
		role("Role", "writer", [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["create", "update"]}]),
		role("ClusterRole", "pods", [{"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list"]}]),
		role("ClusterRole", "crd", [{"apiGroups": ["example.com"], "resources": ["secrets"], "verbs": ["get"]}]),
		role("ClusterRole", "system:controller:x", [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]),
	])
}
