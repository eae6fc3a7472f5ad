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
	finding := {"resource": c.id, "path": k8s.security_path(c, "allowPrivilegeEscalation"), "message": concat(" ", [c.subject, fact(c.security)])}
}

fact(security) := sprintf("sets securityContext.allowPrivilegeEscalation = %v", [value]) if {
	value := security.allowPrivilegeEscalation
} else := "does not set securityContext.allowPrivilegeEscalation = false"
