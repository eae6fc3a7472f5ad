# METADATA
# title: Containers disallow privilege escalation
# description: >-
#   Every container, init container and ephemeral container of a Linux pod
#   sets securityContext.allowPrivilegeEscalation = false. Unset, a process
#   may gain more privileges than its parent (setuid binaries, file
#   capabilities), so a compromised application can become root in the
#   container. Windows pods are not judged: the field does not apply there.
# custom:
#   id: K8S-POD-002
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Set securityContext.allowPrivilegeEscalation: false on every container
#     (it is a container-level field; the pod securityContext has no such
#     setting).
package soc2scan.rules.kubernetes.pod.privilege_escalation

import data.soc2scan.lib.kubernetes as k8s

# A container that sets the field to false passes at once; only the others
# are looked at further.
deny contains finding if {
	some c in k8s.all_containers
	not c.security.allowPrivilegeEscalation == false
	not c.windows
	finding := unsafe(c)
}

# unsafe builds the finding about container c in one call (a call costs
# more than the rest of a finding). allowPrivilegeEscalation is a container
# field, which a pod's securityContext does not set: its path is the
# container's, without k8s.security_path.
unsafe(c) := {"resource": c.id, "path": array.concat(c.path, ["securityContext", "allowPrivilegeEscalation"]), "message": sprintf(
	"%s sets securityContext.allowPrivilegeEscalation = %v",
	[c.subject, value],
)} if {
	value := c.security.allowPrivilegeEscalation
} else := {"resource": c.id, "path": c.path, "message": concat(" ", [c.subject, "does not set securityContext.allowPrivilegeEscalation = false"])}
