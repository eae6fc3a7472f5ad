package soc2scan.rules.kubernetes.pod.runtime_socket_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.runtime_socket

test_fail_docker_socket if {
	findings := runtime_socket.deny with input as kube([workload("Deployment", "ci", "builder", {
		"containers": [{"name": "docker", "image": "docker:27"}],
		"volumes": [{"name": "sock", "hostPath": {"path": "/var/run/docker.sock"}}],
	})])
	findings == {{
		"resource": "Deployment/ci/builder",
		"message": "Deployment/ci/builder mounts the container runtime socket through hostPath /var/run/docker.sock (volume sock)",
		"path": ["spec", "template", "spec", "volumes", 0, "hostPath", "path"],
	}}
}

test_fail_containerd_directory if {
	findings := runtime_socket.deny with input as kube([workload("Job", "ci", "scan", {
		"containers": [{"name": "scan", "image": "scan:1"}],
		"volumes": [{"name": "run", "hostPath": {"path": "/run/containerd/"}}],
	})])
	{f.message | some f in findings} == {"Job/ci/scan mounts the container runtime socket through hostPath /run/containerd/ (volume run)"}
}

test_fail_persistent_volume if {
	findings := runtime_socket.deny with input as kube([{"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "sock"}, "spec": {"hostPath": {"path": "/var/run/crio/crio.sock"}}}])
	{f.resource | some f in findings} == {"PersistentVolume/sock"}
}

test_pass_other_host_paths if {
	count(runtime_socket.deny) == 0 with input as kube([workload("DaemonSet", "logging", "shipper", {
		"containers": [{"name": "s", "image": "s:1"}],
		"volumes": [{"name": "logs", "hostPath": {"path": "/var/log"}}, {"name": "pods", "hostPath": {"path": "/var/lib/kubelet/pods"}}],
	})])
}
