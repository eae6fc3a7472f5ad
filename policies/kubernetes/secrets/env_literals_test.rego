package soc2scan.rules.kubernetes.secrets.env_literals_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.secrets.env_literals

test_fail_literal_credentials if {
	findings := env_literals.deny with input as kube([workload("Deployment", "prod", "api", {
		"initContainers": [{"name": "migrate", "image": "m:1", "env": [{"name": "dbPassword", "value": "hunter2"}]}],
		"containers": [{"name": "app", "image": "a:1", "env": [
			{"name": "LOG_LEVEL", "value": "info"},
			{"name": "API_KEY", "value": "sk-123"},
			{"name": "GITHUB_TOKEN", "value": "ghp_x"},
			{"name": "client-secret", "value": "s3cr3t"},
		]}],
	})])
	findings == {
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api init container migrate sets credential-like env dbPassword to a literal value",
			"path": ["spec", "template", "spec", "initContainers", 0, "env", 0, "value"],
		},
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api container app sets credential-like env API_KEY to a literal value",
			"path": ["spec", "template", "spec", "containers", 0, "env", 1, "value"],
		},
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api container app sets credential-like env GITHUB_TOKEN to a literal value",
			"path": ["spec", "template", "spec", "containers", 0, "env", 2, "value"],
		},
		{
			"resource": "Deployment/prod/api",
			"message": "Deployment/prod/api container app sets credential-like env client-secret to a literal value",
			"path": ["spec", "template", "spec", "containers", 0, "env", 3, "value"],
		},
	}
}

test_fail_config_map_key if {
	findings := env_literals.deny with input as kube([{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "app", "namespace": "prod"}, "data": {
		"DATABASE_HOST": "db",
		"DATABASE_PASSWORD": "hunter2",
		"aws_secret_access_key": "abc",
	}}])
	findings == {
		{"resource": "ConfigMap/prod/app", "message": "ConfigMap/prod/app holds credential-like key DATABASE_PASSWORD in data", "path": ["data", "DATABASE_PASSWORD"]},
		{"resource": "ConfigMap/prod/app", "message": "ConfigMap/prod/app holds credential-like key aws_secret_access_key in data", "path": ["data", "aws_secret_access_key"]},
	}
}

test_pass_references_and_non_values if {
	count(env_literals.deny) == 0 with input as kube([
		workload("CronJob", "ops", "c", {"containers": [{"name": "c", "image": "c:1", "env": [
			{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
			{"name": "DB_PASSWORD_ALIAS", "value": "$(DB_PASSWORD)"},
			{"name": "PASSWORD_FILE", "value": "/run/secrets/db"},
			{"name": "TOKEN_URL", "value": "https://auth.example.com/token"},
			{"name": "AWS_ACCESS_KEY_ID", "value": "AKIAEXAMPLE"},
			{"name": "API_KEY", "value": ""},
			{"name": "SECRET_ENABLED", "value": "true"},
			{"name": "TOKENIZER_MODEL", "value": "bert"},
			{"name": "SECRETS_DIR", "value": "/secrets"},
		]}]}),
		{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "app"}, "data": {"token_ttl": "3600", "password": ""}},
	])
}
