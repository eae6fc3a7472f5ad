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
	some [ps, list, i, raw] in k8s.raw_containers
	suspect(ps, raw)
	finding := judge(ps, list, i, raw)
}

# suspect holds for a container that sets one of the fields this rule
# reads, or whose pod does not settle the question (no runAsNonRoot =
# true, or runAsUser = 0 or a Windows user name): a pod that sets
# runAsNonRoot = true for containers that set none of them passes at once.
suspect(ps, _) if not ps.spec.securityContext.runAsNonRoot == true

suspect(ps, _) if ps.spec.securityContext.runAsUser == 0

suspect(ps, _) if ps.spec.securityContext.windowsOptions.runAsUserName != null

suspect(_, raw) if {
	some field in ["runAsUser", "runAsNonRoot", "windowsOptions"]
	raw.securityContext[field] != null
}

# judge returns the finding about container raw, element i of a list of a
# pod spec, if any.
judge(ps, list, i, raw) := on(k8s.os(ps), k8s.container(ps, list, i, raw))

on("linux", c) := by_user(c, k8s.security_context(c, "runAsUser"))

on("windows", c) := by_user_name(c, k8s.security_context(c, ["windowsOptions", "runAsUserName"]))

by_user(c, user) := k8s.finding(c.resource, user.path, sprintf("%s runs as root: securityContext.runAsUser = 0%s", [k8s.subject(c), k8s.set_on(user)])) if {
	user.value == 0
} else := finding if {
	not non_zero(user.value)
	finding := without_non_root(c, "a non-zero runAsUser")
}

by_user_name(c, name) := k8s.finding(c.resource, name.path, sprintf(
	"%s runs as ContainerAdministrator: securityContext.windowsOptions.runAsUserName = %q%s",
	[k8s.subject(c), name.value, k8s.set_on(name)],
)) if {
	lower(name.value) == "containeradministrator"
} else := finding if {
	name.value == null
	finding := without_non_root(c, "windowsOptions.runAsUserName")
}

without_non_root(c, other) := k8s.finding(c.resource, non_root.path, sprintf("%s %s", [k8s.subject(c), unset_fact(non_root, other)])) if {
	non_root := k8s.security_context(c, "runAsNonRoot")
	non_root.value != true
}

non_zero(uid) if {
	is_number(uid)
	uid > 0
}

unset_fact(sc, other) := sprintf("sets neither securityContext.runAsNonRoot = true nor %s", [other]) if {
	sc.from == "none"
} else := sprintf("sets securityContext.runAsNonRoot = %v%s and does not set %s", [sc.value, k8s.set_on(sc), other])
