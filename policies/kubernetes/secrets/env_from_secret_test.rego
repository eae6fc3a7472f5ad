package soc2scan.rules.kubernetes.secrets.env_from_secret_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.secrets.env_from_secret

test_fail_secret_env if {
	findings := env_from_secret.deny with input as kube([workload("Deployment", "prod", "api", {"containers": [{
		"name": "app",
		"image": "a:1",
		"env": [
			{"name": "LOG_LEVEL", "value": "info"},
			{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
		],
		"envFrom": [{"configMapRef": {"name": "settings"}}, {"secretRef": {"name": "api-keys"}}],
	}]})])
	findings == {
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api container app takes env DB_PASSWORD from Secret db (key password)",
			"path": ["spec", "template", "spec", "containers", 0, "env", 1, "valueFrom", "secretKeyRef"],
		},
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api container app takes its environment from Secret api-keys (envFrom)",
			"path": ["spec", "template", "spec", "containers", 0, "envFrom", 1, "secretRef"],
		},
	}
}

test_pass_secret_volume if {
	count(env_from_secret.deny) == 0 with input as kube([workload("Pod", "prod", "p", {
		"containers": [{
			"name": "app", "image": "a:1",
			"env": [{"name": "DB_PASSWORD_FILE", "value": "/run/secrets/db/password"}, {"name": "NODE", "valueFrom": {"fieldRef": {"fieldPath": "spec.nodeName"}}}],
			"volumeMounts": [{"name": "db", "mountPath": "/run/secrets/db", "readOnly": true}],
		}],
		"volumes": [{"name": "db", "secret": {"secretName": "db"}}],
	})])
}
