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
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController]
#   remediation: >-
#     Remove securityContext.privileged (or set it to false) and grant only
#     the capabilities the container needs under
#     securityContext.capabilities.add; on Windows remove
#     windowsOptions.hostProcess. Node agents that truly need privilege run
#     in a dedicated namespace with a waiver naming them.
package soc2scan.rules.kubernetes.pod.privileged

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some [ps, list, i, raw] in k8s.raw_containers
	raw.securityContext.privileged == true
	c := k8s.container(ps, list, i, raw)
	sc := k8s.security_context(c, "privileged")
	finding := k8s.finding(c.resource, sc.path, sprintf("%s sets securityContext.privileged = true", [k8s.subject(c)]))
}

# A container is a HostProcess container when it sets hostProcess = true,
# or when its pod does and the container does not override it; a
# container of a pod without the setting needs no further look.
deny contains finding if {
	some [ps, list, i, raw] in k8s.raw_containers
	raw.securityContext.windowsOptions.hostProcess == true
	finding := host_process(ps, list, i, raw)
}

deny contains finding if {
	some [ps, list, i, raw] in k8s.raw_containers
	ps.spec.securityContext.windowsOptions.hostProcess == true
	finding := host_process(ps, list, i, raw)
}

host_process(ps, list, i, raw) := k8s.finding(c.resource, sc.path, sprintf(
	"%s runs as a Windows HostProcess container: securityContext.windowsOptions.hostProcess = true%s",
	[k8s.subject(c), k8s.set_on(sc)],
)) if {
	c := k8s.container(ps, list, i, raw)
	sc := k8s.security_context(c, ["windowsOptions", "hostProcess"])
	sc.value == true
}
