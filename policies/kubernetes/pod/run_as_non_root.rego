# METADATA
# title: Containers run as a non-root user
# description: >-
#   Every container runs as a non-root user: its effective securityContext
#   (the container's own, else the pod's) sets runAsNonRoot = true or a
#   non-zero runAsUser, and never runAsUser = 0. On Windows pods,
#   runAsNonRoot = true or a windowsOptions.runAsUserName other than
#   ContainerAdministrator. A process running as root in a container is one
#   kernel or runtime flaw away from root on the node.
# custom:
#   id: K8S-POD-003
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController]
#   remediation: >-
#     Set securityContext.runAsNonRoot: true and a non-zero runAsUser on the
#     pod (containers inherit it), build the image with a non-root USER, and
#     remove any runAsUser: 0.
package soc2scan.rules.kubernetes.pod.run_as_non_root

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some c in k8s.all_containers
	not k8s.windows(c.pod)
	user := k8s.security_context(c, "runAsUser")
	user.value == 0
	finding := k8s.finding(c.resource, user.path, sprintf("%s runs as root: securityContext.runAsUser = 0%s", [k8s.subject(c), k8s.set_on(user)]))
}

deny contains finding if {
	some c in k8s.all_containers
	not k8s.windows(c.pod)
	user := k8s.security_context(c, "runAsUser")
	user.value != 0
	not non_zero(user.value)
	non_root := k8s.security_context(c, "runAsNonRoot")
	non_root.value != true
	finding := k8s.finding(c.resource, non_root.path, sprintf("%s %s", [k8s.subject(c), unset_fact(non_root, "a non-zero runAsUser")]))
}

deny contains finding if {
	some c in k8s.all_containers
	k8s.windows(c.pod)
	name := k8s.security_context(c, ["windowsOptions", "runAsUserName"])
	lower(name.value) == "containeradministrator"
	finding := k8s.finding(c.resource, name.path, sprintf(
		"%s runs as ContainerAdministrator: securityContext.windowsOptions.runAsUserName = %q%s",
		[k8s.subject(c), name.value, k8s.set_on(name)],
	))
}

deny contains finding if {
	some c in k8s.all_containers
	k8s.windows(c.pod)
	k8s.security_context(c, ["windowsOptions", "runAsUserName"]).value == null
	non_root := k8s.security_context(c, "runAsNonRoot")
	non_root.value != true
	finding := k8s.finding(c.resource, non_root.path, sprintf("%s %s", [k8s.subject(c), unset_fact(non_root, "windowsOptions.runAsUserName")]))
}

non_zero(uid) if {
	is_number(uid)
	uid > 0
}

unset_fact(sc, other) := sprintf("sets neither securityContext.runAsNonRoot = true nor %s", [other]) if sc.from == "none"

unset_fact(sc, other) := sprintf("sets securityContext.runAsNonRoot = %v%s and does not set %s", [sc.value, k8s.set_on(sc), other]) if sc.from != "none"
