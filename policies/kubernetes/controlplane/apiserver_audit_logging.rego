# METADATA
# title: kube-apiserver writes an audit log under an audit policy
# description: >-
#   Every kube-apiserver container (a kube-system Pod container whose command
#   or args run kube-apiserver) is started with --audit-policy-file and
#   with --audit-log-path or --audit-webhook-config-file. Without them the
#   API server records no audit events: who read a Secret, changed RBAC or
#   exec'd into a pod cannot be established afterwards. Managed control
#   planes (EKS, GKE, AKS) are configured in the provider and are not in
#   manifests.
# custom:
#   id: K8S-CP-001
#   severity: high
#   criteria: [CC6.8, CC7.1, CC7.2]
#   resource_types: [Pod]
#   remediation: >-
#     Add --audit-policy-file=/etc/kubernetes/audit-policy.yaml (a policy
#     logging at least Metadata for all requests and RequestResponse for
#     Secrets and RBAC) and --audit-log-path=/var/log/kubernetes/audit.log
#     with --audit-log-maxage, --audit-log-maxbackup and
#     --audit-log-maxsize (or --audit-webhook-config-file to ship events)
#     to the kube-apiserver manifest, and mount both paths.
package soc2scan.rules.kubernetes.controlplane.apiserver_audit_logging

import data.soc2scan.lib.kubernetes as k8s

# required lists what must be set, each as [what messages name, the flags
# any one of which sets it].
required := [
	["--audit-policy-file", ["--audit-policy-file"]],
	["--audit-log-path or --audit-webhook-config-file", ["--audit-log-path", "--audit-webhook-config-file"]],
]

# Only containers whose command or args name kube-apiserver are looked at.
deny contains finding if {
	some c in k8s.all_containers
	c.namespace == "kube-system"
	c.kind == "Pod"
	words := k8s.command_line(c.container)
	some word in words
	endswith(word, "kube-apiserver")
	some [missing, flags] in required
	not any_flag(words, flags)
	finding := {"resource": c.id, "path": c.path, "message": sprintf("%s runs kube-apiserver without %s", [c.subject, missing])}
}

any_flag(words, flags) if {
	some flag in flags
	k8s.has_flag(words, flag)
}
