# METADATA
# title: Containers mount their root file system read-only
# description: >-
#   Every container of a Linux pod sets
#   securityContext.readOnlyRootFilesystem = true. A writable root file
#   system lets an attacker who gains code execution drop tools and change
#   binaries or configuration inside the running container, so the image an
#   auditor reviewed is no longer what runs. Windows pods are not judged:
#   the field does not apply there.
# custom:
#   id: K8S-POD-007
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Set securityContext.readOnlyRootFilesystem: true on every container
#     and mount an emptyDir volume on the paths the process must write
#     (/tmp, caches).
package soc2scan.rules.kubernetes.pod.read_only_root_filesystem

import data.soc2scan.lib.kubernetes as k8s

# A container that sets the field to true passes at once; only the others
# are looked at further.
deny contains finding if {
	some c in k8s.all_containers
	not c.security.readOnlyRootFilesystem == true
	not c.windows
	finding := unsafe(c)
}

# unsafe builds the finding about container c in one call (a call costs
# more than the rest of a finding). readOnlyRootFilesystem is a container
# field, which a pod's securityContext does not set: its path is the
# container's, without k8s.security_path.
unsafe(c) := {"resource": c.id, "path": array.concat(c.path, ["securityContext", "readOnlyRootFilesystem"]), "message": sprintf(
	"%s sets securityContext.readOnlyRootFilesystem = %v",
	[c.subject, value],
)} if {
	value := c.security.readOnlyRootFilesystem
} else := {"resource": c.id, "path": c.path, "message": concat(" ", [c.subject, "does not set securityContext.readOnlyRootFilesystem = true"])}
