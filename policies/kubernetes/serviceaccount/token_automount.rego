# METADATA
# title: Pods do not mount a service account token they do not need
# description: >-
#   Every pod spec sets automountServiceAccountToken = false, or leaves it
#   unset while its ServiceAccount (spec.serviceAccountName, else
#   "default", in the pod's namespace) is in the scan and sets
#   automountServiceAccountToken = false; the pod's own setting wins when
#   set. No ServiceAccount sets automountServiceAccountToken = true, which
#   turns mounting on for every pod using it. A mounted token lets anyone
#   who compromises the container call the Kubernetes API with the service
#   account's rights.
# custom:
#   id: K8S-SA-001
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision, ServiceAccount]
#   remediation: >-
#     Set automountServiceAccountToken: false in the pod spec, or on its
#     ServiceAccount (never true there); pods that call the Kubernetes API mount the token
#     explicitly (true on the pod) and carry a waiver naming why.
package soc2scan.rules.kubernetes.serviceaccount.token_automount

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some ps in k8s.pod_specs
	own := ps.spec.automountServiceAccountToken
	own != null
	own != false
	finding := {"resource": ps.id, "path": array.concat(ps.path, ["automountServiceAccountToken"]), "message": sprintf(
		"%s sets automountServiceAccountToken = %v",
		[ps.id, own],
	)}
}

deny contains finding if {
	some ps in k8s.pod_specs
	object.get(ps.spec, "automountServiceAccountToken", null) == null
	id := service_account_id(ps)
	not disabled_by(id)
	finding := {"resource": ps.id, "path": ps.path, "message": concat(" ", [ps.id, "does not set automountServiceAccountToken = false and", account_fact(id)])}
}

deny contains finding if {
	some sa in k8s.resources("ServiceAccount")
	sa.values.automountServiceAccountToken == true
	finding := {"resource": sa.id, "path": ["automountServiceAccountToken"], "message": sprintf(
		"%s sets automountServiceAccountToken = true: every pod using it mounts its token unless the pod sets false",
		[sa.id],
	)}
}

service_account_id(ps) := concat("/", ["ServiceAccount", ps.namespace, name]) if {
	name := account_name(ps.spec)
}

# serviceAccount is the deprecated alias of serviceAccountName.
account_name(spec) := spec.serviceAccountName if {
	named(spec.serviceAccountName)
} else := spec.serviceAccount if {
	named(spec.serviceAccount)
} else := "default"

named(name) if {
	is_string(name)
	name != ""
}

disabled_by(id) if k8s.lookup(id).values.automountServiceAccountToken == false

account_fact(id) := sprintf("neither does its %s", [id]) if k8s.lookup(id)

account_fact(id) := sprintf("its %s is not in the scan", [id]) if not k8s.lookup(id)
