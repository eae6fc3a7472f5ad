package soc2scan.rules.kubernetes.pod.host_path_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.pod.host_path

test_fail_host_path_volumes if {
	findings := host_path.deny with input as kube([workload("DaemonSet", "logging", "shipper", {
		"containers": [{"name": "shipper", "image": "s:1"}],
		"volumes": [
			{"name": "config", "configMap": {"name": "shipper"}},
			{"name": "logs", "hostPath": {"path": "/var/log"}},
			{"name": "docker", "hostPath": {"path": "/var/run/docker.sock", "type": "Socket"}},
		],
	})])
	findings == {
		{
			"resource": "DaemonSet/logging/shipper",
			"message": "DaemonSet/logging/shipper mounts hostPath /var/log as volume logs",
			"path": ["spec", "template", "spec", "volumes", 1, "hostPath", "path"],
		},
		{
			"resource": "DaemonSet/logging/shipper",
			"message": "DaemonSet/logging/shipper mounts hostPath /var/run/docker.sock as volume docker (exposes the container runtime socket)",
			"path": ["spec", "template", "spec", "volumes", 2, "hostPath", "path"],
		},
	}
}

test_fail_persistent_volume if {
	findings := host_path.deny with input as kube([{"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "local"}, "spec": {"hostPath": {"path": "/data"}}}])
	findings == {{"resource": "PersistentVolume/local", "message": "PersistentVolume/local is backed by hostPath /data", "path": ["spec", "hostPath", "path"]}}
}

test_pass_no_host_path if {
	count(host_path.deny) == 0 with input as kube([
		workload("CronJob", "prod", "c", {"containers": [{"name": "c", "image": "c:1"}], "volumes": [{"name": "tmp", "emptyDir": {}}]}),
		{"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "ebs"}, "spec": {"csi": {"driver": "ebs.csi.aws.com", "volumeHandle": "vol-1"}}},
	])
}
