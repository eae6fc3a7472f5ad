package soc2scan.rules.kubernetes.serviceaccount.token_automount_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.serviceaccount.token_automount

containers := [{"name": "a", "image": "a:1"}]

account(ns, name, automount) := {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": name, "namespace": ns}, "automountServiceAccountToken": automount}

test_fail_nothing_set if {
	findings := token_automount.deny with input as kube([workload("Deployment", "prod", "api", {"containers": containers})])
	findings == {{
		"resource": "Deployment/prod/api",
		"message": "Deployment/prod/api does not set automountServiceAccountToken = false and its ServiceAccount/prod/default is not in the scan",
		"path": ["spec", "template", "spec"],
	}}
}

test_fail_account_does_not_disable if {
	findings := token_automount.deny with input as kube([
		account("prod", "api", true),
		workload("CronJob", "prod", "job", {"serviceAccountName": "api", "containers": containers}),
	])
	findings == {
		{
			"resource": "CronJob/prod/job",
			"message": "CronJob/prod/job does not set automountServiceAccountToken = false and neither does its ServiceAccount/prod/api",
			"path": ["spec", "jobTemplate", "spec", "template", "spec"],
		},
		{
			"resource": "ServiceAccount/prod/api",
			"message": "ServiceAccount/prod/api sets automountServiceAccountToken = true: every pod using it mounts its token unless the pod sets false",
			"path": ["automountServiceAccountToken"],
		},
	}
}

test_fail_pod_setting_wins_over_account if {
	findings := token_automount.deny with input as kube([
		account("prod", "api", false),
		workload("Pod", "prod", "p", {"serviceAccountName": "api", "automountServiceAccountToken": true, "containers": containers}),
	])
	findings == {{"resource": "Pod/prod/p", "message": "Pod/prod/p sets automountServiceAccountToken = true", "path": ["spec", "automountServiceAccountToken"]}}
}

test_fail_account_of_other_namespace if {
	findings := token_automount.deny with input as kube([
		account("other", "api", false),
		workload("Deployment", "prod", "api", {"serviceAccount": "api", "containers": containers}),
	])
	{f.message | some f in findings} == {"Deployment/prod/api does not set automountServiceAccountToken = false and its ServiceAccount/prod/api is not in the scan"}
}

test_pass_pod_disables if {
	count(token_automount.deny) == 0 with input as kube([workload("Deployment", "prod", "api", {"automountServiceAccountToken": false, "containers": containers})])
}

test_pass_account_disables if {
	count(token_automount.deny) == 0 with input as kube([
		account("prod", "default", false),
		account("prod", "api", false),
		workload("Deployment", "prod", "web", {"containers": containers}),
		workload("Deployment", "prod", "api", {"serviceAccountName": "api", "containers": containers}),
	])
}
