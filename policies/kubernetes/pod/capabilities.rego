# METADATA
# title: Containers drop all capabilities and add none beyond the baseline
# description: >-
#   Every container of a Linux pod drops ALL Linux capabilities and adds
#   back only those the Pod Security Standards baseline allows (AUDIT_WRITE,
#   CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE,
#   SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT): never ALL, SYS_ADMIN,
#   NET_ADMIN, NET_RAW, SYS_PTRACE, SYS_MODULE and the like. Dangerous
#   capabilities let a compromised container spoof traffic, trace other
#   processes or escape to the node. Windows pods are not judged.
# custom:
#   id: K8S-POD-006
#   severity: high
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Set securityContext.capabilities.drop: ["ALL"] on every container and
#     list under capabilities.add only what the process needs, typically
#     nothing or NET_BIND_SERVICE.
package soc2scan.rules.kubernetes.pod.capabilities

import data.soc2scan.lib.kubernetes as k8s

# baseline is what the Pod Security Standards baseline profile allows a
# container to add.
baseline := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

# capabilities is a container-level field: a container without an add list
# adds nothing, and one whose drop list starts with "ALL" (the common
# spelling) drops all; only the others are looked at further.
deny contains finding if {
	some c in k8s.all_containers
	add := c.security.capabilities.add
	not c.windows
	dangerous := [name | some cap in array_of(add); name := normalise(cap); not name in baseline]
	count(dangerous) > 0
	finding := {"resource": c.id, "path": array.concat(c.path, ["securityContext", "capabilities", "add"]), "message": concat("", [
		c.subject, " adds capabilities ", concat(", ", dangerous), " (securityContext.capabilities.add)",
	])}
}

deny contains finding if {
	some c in k8s.all_containers
	not c.security.capabilities.drop[0] == "ALL"
	not c.windows
	not "ALL" in {normalise(cap) | some cap in array_of(object.get(c.security, ["capabilities", "drop"], null))}
	finding := {"resource": c.id, "path": k8s.security_path(c, "capabilities.drop"), "message": concat(" ", [c.subject, "does not drop ALL capabilities (securityContext.capabilities.drop)"])}
}

normalise(cap) := trim_prefix(upper(cap), "CAP_") if is_string(cap)

normalise(cap) := sprintf("%v", [cap]) if not is_string(cap)

array_of(x) := x if is_array(x)

array_of(x) := [] if not is_array(x)
