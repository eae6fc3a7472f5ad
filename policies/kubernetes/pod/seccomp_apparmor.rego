# METADATA
# title: Containers run under a seccomp profile and no unconfined AppArmor profile
# description: >-
#   Every container of a Linux pod has an effective
#   securityContext.seccompProfile (its own, else the pod's) of type
#   RuntimeDefault or Localhost, and no container runs with AppArmor
#   Unconfined (securityContext.appArmorProfile, or the older
#   container.apparmor.security.beta.kubernetes.io annotation). Without a
#   seccomp profile every system call of the kernel is reachable from the
#   container, which widens the path from a compromised process to the
#   node. The deprecated seccomp annotations are not accepted: current
#   Kubernetes versions ignore them. Windows pods are not judged.
# custom:
#   id: K8S-POD-010
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Set securityContext.seccompProfile.type: RuntimeDefault on the pod
#     (containers inherit it) or Localhost with a reviewed
#     localhostProfile; remove appArmorProfile type Unconfined and
#     container.apparmor.security.beta.kubernetes.io annotations set to
#     unconfined.
package soc2scan.rules.kubernetes.pod.seccomp_apparmor

import data.soc2scan.lib.kubernetes as k8s

# A container whose effective profile confines it passes at once: the
# type is compared by direct references, which are simply false when the
# profile is absent.
deny contains finding if {
	some c in k8s.all_containers
	not c.security.seccompProfile.type == "RuntimeDefault"
	not c.security.seccompProfile.type == "Localhost"
	not c.windows
	finding := {"resource": c.id, "path": k8s.security_path(c, "seccompProfile"), "message": concat(" ", [c.subject, seccomp_fact(c)])}
}

deny contains finding if {
	some c in k8s.all_containers
	c.security.appArmorProfile.type == "Unconfined"
	not c.windows
	finding := {"resource": c.id, "path": k8s.security_path(c, "appArmorProfile"), "message": concat("", [
		c.subject, " runs without AppArmor: securityContext.appArmorProfile.type = Unconfined",
		k8s.set_on(c, "appArmorProfile"),
	])}
}

deny contains finding if {
	some ps in k8s.pod_specs
	some key, value in ps.annotations
	startswith(key, apparmor_annotation)
	is_string(value)
	lower(value) == "unconfined"
	finding := {"resource": ps.id, "path": array.concat(metadata_path(ps.path), ["annotations", key]), "message": sprintf(
		"%s runs container %s without AppArmor: annotation %s = %s",
		[ps.id, trim_prefix(key, apparmor_annotation), key, value],
	)}
}

apparmor_annotation := "container.apparmor.security.beta.kubernetes.io/"

# metadata_path is the path to the metadata of the pods of a pod spec.
metadata_path(spec_path) := array.concat(array.slice(spec_path, 0, count(spec_path) - 1), ["metadata"])

seccomp_fact(c) := sprintf("sets securityContext.seccompProfile.type = %v%s", [type, k8s.set_on(c, "seccompProfile")]) if {
	type := c.security.seccompProfile.type
} else := "does not set securityContext.seccompProfile (type RuntimeDefault or Localhost)"
