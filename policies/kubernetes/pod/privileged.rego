# METADATA
# title: Containers do not run privileged
# description: >-
#   No container, init container or ephemeral container sets
#   securityContext.privileged = true, and no Windows container runs as a
#   HostProcess container (windowsOptions.hostProcess = true, the Windows
#   equivalent). A privileged container has every capability and the host's
#   devices: whoever controls it controls the node and every workload on it,
#   which defeats the isolation an auditor relies on for change and access
#   controls.
# custom:
#   id: K8S-POD-001
#   severity: high
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Remove securityContext.privileged (or set it to false) and grant only
#     the capabilities the container needs under
#     securityContext.capabilities.add; on Windows remove
#     windowsOptions.hostProcess. Node agents that truly need privilege run
#     in a dedicated namespace with a waiver naming them.
package soc2scan.rules.kubernetes.pod.privileged

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some c in k8s.all_containers
	c.security.privileged == true
	finding := {"resource": c.id, "path": array.concat(c.path, ["securityContext", "privileged"]), "message": concat(" ", [c.subject, "sets securityContext.privileged = true"])}
}

# A container is a HostProcess container when it sets hostProcess = true,
# or when its pod does and the container does not override it: the
# effective windowsOptions, merged key by key, say which.
deny contains finding if {
	some c in k8s.all_containers
	c.security.windowsOptions.hostProcess == true
	finding := {"resource": c.id, "path": k8s.security_path(c, "windowsOptions.hostProcess"), "message": concat("", [
		c.subject,
		" runs as a Windows HostProcess container: securityContext.windowsOptions.hostProcess = true",
		k8s.set_on(c, "windowsOptions.hostProcess"),
	])}
}
