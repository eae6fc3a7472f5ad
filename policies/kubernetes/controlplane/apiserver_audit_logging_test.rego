package soc2scan.rules.kubernetes.controlplane.apiserver_audit_logging_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.lib.testing.workload
import data.soc2scan.rules.kubernetes.controlplane.apiserver_audit_logging

apiserver(command, args) := workload("Pod", "kube-system", "kube-apiserver", {"containers": [{
	"name": "kube-apiserver",
	"image": "registry.k8s.io/kube-apiserver:v1.30.0",
	"command": command,
	"args": args,
}]})

test_fail_no_audit_flags if {
	findings := apiserver_audit_logging.deny with input as kube([apiserver(["kube-apiserver", "--advertise-address=10.0.0.1", "--authorization-mode=Node,RBAC"], [])])
	findings == {
		{"resource": "Pod/kube-system/kube-apiserver", "message": "Pod/kube-system/kube-apiserver container kube-apiserver runs kube-apiserver without --audit-policy-file", "path": ["spec", "containers", 0]},
		{"resource": "Pod/kube-system/kube-apiserver", "message": "Pod/kube-system/kube-apiserver container kube-apiserver runs kube-apiserver without --audit-log-path or --audit-webhook-config-file", "path": ["spec", "containers", 0]},
	}
}

test_fail_policy_without_sink if {
	findings := apiserver_audit_logging.deny with input as kube([apiserver(["/usr/local/bin/kube-apiserver"], ["--audit-policy-file", "/etc/kubernetes/audit.yaml"])])
	{f.message | some f in findings} == {"Pod/kube-system/kube-apiserver container kube-apiserver runs kube-apiserver without --audit-log-path or --audit-webhook-config-file"}
}

test_pass_audit_configured if {
	count(apiserver_audit_logging.deny) == 0 with input as kube([
		apiserver(["kube-apiserver", "--audit-policy-file=/etc/kubernetes/audit.yaml", "--audit-log-path=/var/log/audit.log"], []),
		workload("Pod", "prod", "web", {"containers": [{"name": "web", "image": "nginx:1", "command": ["nginx"]}]}),
	])
}
