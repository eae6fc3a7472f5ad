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
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Set securityContext.runAsNonRoot: true and a non-zero runAsUser on the
#     pod (containers inherit it), build the image with a non-root USER, and
#     remove any runAsUser: 0.
package soc2scan.rules.kubernetes.pod.run_as_non_root

import data.soc2scan.lib.kubernetes as k8s

# Each rule tests the effective securityContext with direct references
# first: a container whose effective runAsNonRoot is true passes the
# second at once.
deny contains finding if {
	some c in k8s.all_containers
	c.security.runAsUser == 0
	not c.windows
	finding := {"resource": c.id, "path": k8s.security_path(c, "runAsUser"), "message": concat("", [
		c.subject, " runs as root: securityContext.runAsUser = 0", k8s.set_on(c, "runAsUser"),
	])}
}

# One walk for both platforms: what else would keep the container off
# root is looked at only for those without runAsNonRoot = true.
deny contains finding if {
	some c in k8s.all_containers
	not c.security.runAsNonRoot == true
	other := unprotected(c)
	finding := without_non_root(c, other)
}

deny contains finding if {
	some c in k8s.all_containers
	name := c.security.windowsOptions.runAsUserName
	c.windows
	lower(name) == "containeradministrator"
	finding := {"resource": c.id, "path": k8s.security_path(c, "windowsOptions.runAsUserName"), "message": sprintf(
		"%s runs as ContainerAdministrator: securityContext.windowsOptions.runAsUserName = %q%s",
		[c.subject, name, k8s.set_on(c, "windowsOptions.runAsUserName")],
	)}
}

# unprotected names what a container without runAsNonRoot = true does not
# set either, and is undefined when that keeps it off root: a non-zero
# runAsUser on Linux, windowsOptions.runAsUserName on Windows. A runAsUser
# of 0 is the first rule's finding.
unprotected(c) := "a non-zero runAsUser" if {
	not c.windows
	not user_id(object.get(c.security, "runAsUser", null))
}

unprotected(c) := "windowsOptions.runAsUserName" if {
	c.windows
	object.get(c.security, ["windowsOptions", "runAsUserName"], null) == null
}

# user_id holds for a runAsUser that is a number from 0 up: the container
# passes when it is not 0, and 0 is the first rule's finding.
user_id(uid) if {
	is_number(uid)
	uid >= 0
}

# without_non_root is the finding about a container that neither sets
# runAsNonRoot = true nor other, built in one call per finding. Where
# runAsNonRoot is unset, k8s.security_path would give the container's path.
without_non_root(c, other) := {"resource": c.id, "path": k8s.security_path(c, "runAsNonRoot"), "message": sprintf(
	"%s sets securityContext.runAsNonRoot = %v%s and does not set %s",
	[c.subject, value, k8s.set_on(c, "runAsNonRoot"), other],
)} if {
	value := c.security.runAsNonRoot
} else := {"resource": c.id, "path": c.path, "message": concat(" ", [c.subject, "sets neither securityContext.runAsNonRoot = true nor", other])}
