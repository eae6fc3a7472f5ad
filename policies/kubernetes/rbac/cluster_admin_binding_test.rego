package soc2scan.rules.kubernetes.rbac.cluster_admin_binding_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.rules.kubernetes.rbac.cluster_admin_binding

binding(kind, name, role, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind,
	"metadata": {"name": name, "namespace": "prod"},
	"subjects": subjects,
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role},
}

test_fail_cluster_admin_and_equivalent if {
	findings := cluster_admin_binding.deny with input as kube([
		binding("ClusterRoleBinding", "tiller", "cluster-admin", [{"kind": "ServiceAccount", "name": "tiller", "namespace": "kube-system"}]),
		binding("RoleBinding", "ops", "cluster-admin", [{"kind": "Group", "name": "ops"}, {"kind": "Group", "name": "system:masters"}]),
		{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "god"}, "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]},
		binding("ClusterRoleBinding", "dev", "god", [{"kind": "User", "name": "dev@example.com"}]),
	])
	findings == {
		{"resource": "ClusterRoleBinding/tiller", "message": "ClusterRoleBinding/tiller binds ClusterRole cluster-admin to ServiceAccount kube-system/tiller", "path": ["roleRef", "name"]},
		{"resource": "RoleBinding/prod/ops", "message": "RoleBinding/prod/ops binds ClusterRole cluster-admin to Group ops", "path": ["roleRef", "name"]},
		{"resource": "ClusterRoleBinding/dev", "message": "ClusterRoleBinding/dev binds ClusterRole god (every verb on every resource, as cluster-admin) to User dev@example.com", "path": ["roleRef", "name"]},
	}
}

test_pass_system_subjects_and_other_roles if {
	count(cluster_admin_binding.deny) == 0 with input as kube([
		binding("ClusterRoleBinding", "cluster-admin", "cluster-admin", [{"kind": "Group", "name": "system:masters"}]),
		binding("ClusterRoleBinding", "tiller", "view", [{"kind": "ServiceAccount", "name": "tiller", "namespace": "kube-system"}]),
		{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "reader"}, "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["get"]}]},
		binding("ClusterRoleBinding", "readers", "reader", [{"kind": "Group", "name": "auditors"}]),
	])
}
