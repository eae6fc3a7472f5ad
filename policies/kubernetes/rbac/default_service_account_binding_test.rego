package soc2scan.rules.kubernetes.rbac.default_service_account_binding_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.rules.kubernetes.rbac.default_service_account_binding

binding(kind, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind,
	"metadata": {"name": "read-pods", "namespace": "prod"},
	"subjects": subjects,
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "pod-reader"},
}

test_fail_default_account_and_groups if {
	findings := default_service_account_binding.deny with input as kube([
		binding("RoleBinding", [
			{"kind": "User", "name": "jane", "apiGroup": "rbac.authorization.k8s.io"},
			{"kind": "ServiceAccount", "name": "default", "namespace": "kube-system"},
		]),
		binding("ClusterRoleBinding", [{"kind": "Group", "name": "system:serviceaccounts:prod"}]),
	])
	findings == {
		{
			"resource": "RoleBinding/prod/read-pods",
			"message": "RoleBinding/prod/read-pods binds Role pod-reader to ServiceAccount kube-system/default (used by every pod that names no service account)",
			"path": ["subjects", 1],
		},
		{
			"resource": "ClusterRoleBinding/read-pods",
			"message": "ClusterRoleBinding/read-pods binds Role pod-reader to Group system:serviceaccounts:prod (every service account of the namespace)",
			"path": ["subjects", 0],
		},
	}
}

test_pass_named_subjects if {
	count(default_service_account_binding.deny) == 0 with input as kube([binding("RoleBinding", [
		{"kind": "User", "name": "jane", "apiGroup": "rbac.authorization.k8s.io"},
		{"kind": "ServiceAccount", "name": "reader", "namespace": "prod"},
	])])
}
