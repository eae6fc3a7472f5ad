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
# first: a container whose effective runAsNonRoot is true passes the last
# two at once.
deny contains finding if {
	some c in k8s.all_containers
	c.security.runAsUser == 0
	not c.windows
	finding := {"resource": c.id, "path": k8s.security_path(c, "runAsUser"), "message": concat("", [
		c.subject, " runs as root: securityContext.runAsUser = 0", k8s.set_on(c, "runAsUser"),
	])}
}

deny contains finding if {
	some c in k8s.all_containers
	not c.security.runAsNonRoot == true
	not c.windows
	not c.security.runAsUser == 0
	not non_zero(object.get(c.security, "runAsUser", null))
	finding := without_non_root(c, "a non-zero runAsUser")
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

deny contains finding if {
	some c in k8s.all_containers
	not c.security.runAsNonRoot == true
	c.windows
	object.get(c.security, ["windowsOptions", "runAsUserName"], null) == null
	finding := without_non_root(c, "windowsOptions.runAsUserName")
}

without_non_root(c, other) := {"resource": c.id, "path": k8s.security_path(c, "runAsNonRoot"), "message": concat(" ", [c.subject, unset_fact(c, other)])}

non_zero(uid) if {
	is_number(uid)
	uid > 0
}

unset_fact(c, other) := sprintf("sets securityContext.runAsNonRoot = %v%s and does not set %s", [value, k8s.set_on(c, "runAsNonRoot"), other]) if {
	value := c.security.runAsNonRoot
} else := concat(" ", ["sets neither securityContext.runAsNonRoot = true nor", other])
