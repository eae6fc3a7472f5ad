# METADATA
# title: Secrets are mounted as files, not exposed as environment variables
# description: >-
#   No container takes a Secret into its environment (env[].valueFrom.secretKeyRef
#   or envFrom[].secretRef). Environment variables are inherited by every
#   child process, written to crash dumps and debug output and often
#   logged whole by frameworks; a Secret mounted as a file is readable only
#   where the application opens it and is updated in place when rotated
#   (CIS Kubernetes Benchmark 5.4.1).
# custom:
#   id: K8S-SEC-002
#   severity: low
#   criteria: [CC6.1, CC6.7]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Mount the Secret as a volume (volumes[].secret with a volumeMount,
#     readOnly) and have the application read the file, e.g. through a
#     *_FILE variable naming its path.
#   rationale: >-
#     No control-map row of its own; the criteria are those of the
#     credential-handling row k8s-no-secrets-in-env-or-configmap without
#     CC6.6, which is about boundaries to external networks.
package soc2scan.rules.kubernetes.secrets.env_from_secret

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some c in k8s.all_containers
	some j, env in c.container.env
	ref := env.valueFrom.secretKeyRef
	finding := {"resource": c.id, "path": array.concat(c.path, ["env", j, "valueFrom", "secretKeyRef"]), "message": sprintf(
		"%s takes env %v from Secret %v (key %v)",
		[c.subject, object.get(env, "name", j), object.get(ref, "name", "?"), object.get(ref, "key", "?")],
	)}
}

deny contains finding if {
	some c in k8s.all_containers
	some j, source in c.container.envFrom
	ref := source.secretRef
	finding := {"resource": c.id, "path": array.concat(c.path, ["envFrom", j, "secretRef"]), "message": sprintf(
		"%s takes its environment from Secret %v (envFrom)",
		[c.subject, object.get(ref, "name", "?")],
	)}
}
