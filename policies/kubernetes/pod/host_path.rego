# METADATA
# title: Pods mount no hostPath volumes
# description: >-
#   No pod declares a hostPath volume and no PersistentVolume is backed by a
#   hostPath. A hostPath gives the container the node's file system: it can
#   read other workloads' data and credentials and, when writable, change
#   the node itself. Mounting the container runtime socket is reported
#   again, as critical, by K8S-POD-009.
# custom:
#   id: K8S-POD-005
#   severity: high
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision, PersistentVolume]
#   remediation: >-
#     Replace the hostPath volume with an emptyDir, a ConfigMap/Secret, or a
#     PersistentVolumeClaim on a CSI storage class; node agents that need a
#     host directory mount it readOnly and carry a waiver naming the path.
package soc2scan.rules.kubernetes.pod.host_path

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some ps in k8s.pod_specs
	some i, volume in ps.spec.volumes
	host := volume.hostPath.path
	is_string(host)
	path := array.concat(ps.path, ["volumes", i, "hostPath", "path"])
	finding := {"resource": ps.id, "path": path, "message": sprintf("%s mounts hostPath %s as volume %s%s", [ps.id, host, object.get(volume, "name", i), socket(host)])}
}

deny contains finding if {
	some pv in k8s.resources("PersistentVolume")
	host := pv.values.spec.hostPath.path
	is_string(host)
	finding := {"resource": pv.id, "path": ["spec", "hostPath", "path"], "message": sprintf("%s is backed by hostPath %s%s", [pv.id, host, socket(host)])}
}

socket(host) := " (exposes the container runtime socket)" if {
	k8s.exposes_runtime_socket(host)
} else := ""
