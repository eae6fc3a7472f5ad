# METADATA
# title: Pods do not mount the container runtime socket
# description: >-
#   No pod or PersistentVolume mounts the Docker, containerd, CRI-O or
#   Podman socket through a hostPath, directly or through a directory that
#   holds it (/var/run, /run/containerd, /). Whoever reaches the runtime
#   socket can start privileged containers on the node and read every
#   workload's secrets: full control of the node, outside Kubernetes access
#   control and audit.
# custom:
#   id: K8S-POD-009
#   severity: critical
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision, PersistentVolume]
#   remediation: >-
#     Remove the hostPath volume of the runtime socket. Build images in the
#     cluster with a rootless builder (BuildKit rootless, Kaniko) and read
#     container metadata through the Kubernetes API instead.
package soc2scan.rules.kubernetes.pod.runtime_socket

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some ps in k8s.pod_specs
	some i, volume in ps.spec.volumes
	host := volume.hostPath.path
	is_string(host)
	k8s.exposes_runtime_socket(host)
	path := array.concat(ps.path, ["volumes", i, "hostPath", "path"])
	finding := {"resource": ps.id, "path": path, "message": sprintf("%s mounts the container runtime socket through hostPath %s (volume %s)", [ps.id, host, object.get(volume, "name", i)])}
}

deny contains finding if {
	some pv in k8s.resources("PersistentVolume")
	host := pv.values.spec.hostPath.path
	is_string(host)
	k8s.exposes_runtime_socket(host)
	finding := {"resource": pv.id, "path": ["spec", "hostPath", "path"], "message": sprintf("%s exposes the container runtime socket through hostPath %s", [pv.id, host])}
}
