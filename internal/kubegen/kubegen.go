// Package kubegen generates Kubernetes manifests of any size for benchmarks:
// deterministic, so runs compare, and made on the fly, so no large fixtures
// live in git. Workloads vary in kind, namespace and security settings so
// that every Kubernetes rule has work to do, about half of them passing.
package kubegen

import (
	"fmt"
	"strings"
)

// File is one generated manifest file.
type File struct {
	Name string
	Data []byte
}

// PerFile is how many workloads one generated file holds, each with a
// Service; files of a repository or of `helm template` output hold a few
// dozen objects.
const PerFile = 50

// Generate returns n workloads (Deployments, StatefulSets, DaemonSets,
// CronJobs and Pods) with a Service each, in files of PerFile workloads
// spread over ten namespaces, half of which have a NetworkPolicy.
func Generate(n int) []File {
	var files []File
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			files = append(files, File{Name: fmt.Sprintf("manifests/part-%04d.yaml", len(files)), Data: []byte(b.String())})
			b.Reset()
		}
	}
	for ns := 0; ns < 10; ns += 2 {
		fmt.Fprintf(&b, `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: team-%d
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`, ns)
	}
	for i := 0; i < n; i++ {
		if i > 0 && i%PerFile == 0 {
			flush()
		}
		workload(&b, i)
	}
	flush()
	return files
}

// kinds and where each keeps its pod template.
var kinds = []struct{ apiVersion, kind, indent string }{
	{"apps/v1", "Deployment", "  "},
	{"apps/v1", "StatefulSet", "  "},
	{"apps/v1", "DaemonSet", "  "},
	{"batch/v1", "CronJob", "  "},
	{"v1", "Pod", ""},
}

func workload(b *strings.Builder, i int) {
	k := kinds[i%len(kinds)]
	good := i%2 == 0
	ns := fmt.Sprintf("team-%d", i%10)
	name := fmt.Sprintf("app-%d", i)
	fmt.Fprintf(b, "---\napiVersion: %s\nkind: %s\nmetadata:\n  name: %s\n  namespace: %s\n  labels:\n    app: %s\n",
		k.apiVersion, k.kind, name, ns, name)
	var pod strings.Builder
	image, privileged, root := "nginx:latest", "true", "false"
	if good {
		image, privileged, root = "registry.example.com/web@sha256:"+strings.Repeat("ab", 32), "false", "true"
	}
	fmt.Fprintf(&pod, `automountServiceAccountToken: %t
securityContext:
  runAsNonRoot: %s
  seccompProfile:
    type: RuntimeDefault
containers:
  - name: main
    image: %s
    ports:
      - containerPort: 8080
    env:
      - name: LOG_LEVEL
        value: info
      - name: API_TOKEN
        valueFrom:
          secretKeyRef: {name: %s, key: token}
    securityContext:
      privileged: %s
      allowPrivilegeEscalation: false
      readOnlyRootFilesystem: %t
      capabilities:
        drop: [ALL]
    resources:
      requests: {cpu: 100m, memory: 128Mi}
      limits: {cpu: 500m, memory: 256Mi}
    readinessProbe:
      httpGet: {path: /healthz, port: 8080}
`, !good, root, image, name, privileged, good)
	if !good {
		pod.WriteString("volumes:\n  - name: docker\n    hostPath:\n      path: /var/run/docker.sock\n")
	}
	switch k.kind {
	case "Pod":
		b.WriteString("spec:\n")
		b.WriteString(indent(pod.String(), "  "))
	case "CronJob":
		b.WriteString("spec:\n  schedule: \"0 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n")
		b.WriteString(indent(pod.String(), "          "))
	default:
		fmt.Fprintf(b, "spec:\n  selector:\n    matchLabels:\n      app: %s\n  template:\n    metadata:\n      labels:\n        app: %s\n    spec:\n", name, name)
		b.WriteString(indent(pod.String(), "      "))
	}
	serviceType := "ClusterIP"
	if !good && i%3 == 0 {
		serviceType = "LoadBalancer"
	}
	fmt.Fprintf(b, "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: %s\n  namespace: %s\nspec:\n  type: %s\n  selector:\n    app: %s\n  ports:\n    - port: 80\n      targetPort: 8080\n",
		name, ns, serviceType, name)
}

func indent(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l != "" {
			b.WriteString(prefix)
			b.WriteString(l)
		}
	}
	return b.String()
}
