package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/soc2scan/soc2scan/pkg/document"
)

// podSpecPaths maps each kind that runs pods to the path of its pod spec.
var podSpecPaths = map[string][]string{
	"Pod":                   {"spec"},
	"Deployment":            {"spec", "template", "spec"},
	"StatefulSet":           {"spec", "template", "spec"},
	"DaemonSet":             {"spec", "template", "spec"},
	"ReplicaSet":            {"spec", "template", "spec"},
	"ReplicationController": {"spec", "template", "spec"},
	"Job":                   {"spec", "template", "spec"},
	"CronJob":               {"spec", "jobTemplate", "spec", "template", "spec"},
}

// knativePodSpecPaths are the Knative Serving kinds that run pods, told
// apart by their apiVersion's group (a core Service runs none).
var knativePodSpecPaths = map[string][]string{
	"Service":       {"spec", "template", "spec"},
	"Configuration": {"spec", "template", "spec"},
	"Revision":      {"spec"},
}

// podSpecPath returns where a resource keeps its pod spec, if its kind
// runs pods.
func podSpecPath(r *document.Resource) ([]string, bool) {
	if api, _ := r.Values["apiVersion"].(string); strings.HasPrefix(api, "serving.knative.dev/") {
		p, ok := knativePodSpecPaths[r.Type]
		return p, ok
	}
	p, ok := podSpecPaths[r.Type]
	return p, ok
}

// containerLists are the pod spec fields that hold containers, in the
// order containers are listed, with the word messages use for each.
var containerLists = []struct{ field, word string }{
	{"initContainers", "init container"},
	{"containers", "container"},
	{"ephemeralContainers", "ephemeral container"},
}

// podSecurityFields are the securityContext fields a pod sets for all its
// containers, a container's own value winning; windowsOptions is merged a
// level deeper, field by field, as Kubernetes does.
var podSecurityFields = []string{"runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions", "seccompProfile", "appArmorProfile"}

// kubeIndex builds input.kubernetes for a Kubernetes document: every pod
// spec with its owner, and every container with its effective
// securityContext, the subject messages name it by and its path. Rules
// read these instead of computing them: in Rego the same work costs tens
// of microseconds per container and rule, here it is done once.
// rego/testing.rego's kube builds the same; TestInputMatchesRegoTestingDoc
// keeps the two identical.
//
// The pod specs and containers in it are the terms of the converted
// resources, shared, not converted a second time.
func kubeIndex(doc *document.Document, resources *ast.Array) (ast.Value, error) {
	var pods, containers []*ast.Term
	for i := range doc.Resources {
		r := &doc.Resources[i]
		path, ok := podSpecPath(r)
		if !ok || r.Mode == document.Data {
			continue
		}
		spec, ok := lookup(r.Values, path).(map[string]any)
		if !ok {
			continue
		}
		ns, _ := lookup(r.Values, []string{"metadata", "namespace"}).(string)
		if ns == "" {
			ns = "default"
		}
		labelsPath := append(append([]string{}, path[:len(path)-1]...), "metadata", "labels")
		labels, ok := lookup(r.Values, labelsPath).(map[string]any)
		if !ok {
			labels = map[string]any{}
		}
		windows := isWindows(spec)
		podPath := anys(path)
		pod := len(pods)
		specTerm := termAt(resources.Elem(i), append([]string{"values"}, path...))
		record, err := object(map[string]any{
			"resource": i, "id": r.ID, "kind": r.Type, "namespace": ns,
			"path": podPath, "labels": labels, "windows": windows,
		}, "spec", specTerm)
		if err != nil {
			return nil, err
		}
		pods = append(pods, record)
		podSC, _ := spec["securityContext"].(map[string]any)
		for _, list := range containerLists {
			items, _ := spec[list.field].([]any)
			var itemTerms *ast.Array
			if len(items) > 0 {
				itemTerms, _ = termAt(specTerm, []string{list.field}).Value.(*ast.Array)
			}
			for j, item := range items {
				c, ok := item.(map[string]any)
				if !ok {
					continue
				}
				name, ok := c["name"].(string)
				if !ok {
					name = fmt.Sprintf("%s[%d]", list.field, j)
				}
				ctrSC, _ := c["securityContext"].(map[string]any)
				security, fromPod := effectiveSecurity(podSC, ctrSC)
				cpath := append(append(make([]any, 0, len(podPath)+2), podPath...), list.field, j)
				record, err := object(map[string]any{
					"pod": pod, "resource": i, "id": r.ID, "kind": r.Type, "namespace": ns,
					"list": list.field, "index": j, "name": name,
					"subject":  r.ID + " " + list.word + " " + name,
					"path":     cpath,
					"windows":  windows,
					"security": security, "security_pod": fromPod,
				}, "container", itemTerms.Elem(j))
				if err != nil {
					return nil, err
				}
				containers = append(containers, record)
			}
		}
	}
	return ast.NewObject(
		ast.Item(ast.StringTerm("pod_specs"), ast.ArrayTerm(pods...)),
		ast.Item(ast.StringTerm("containers"), ast.ArrayTerm(containers...)),
	), nil
}

// object converts fields to an object and adds the already converted term
// under key.
func object(fields map[string]any, key string, term *ast.Term) (*ast.Term, error) {
	v, err := ast.InterfaceToValue(fields)
	if err != nil {
		return nil, err
	}
	obj := v.(ast.Object)
	obj.Insert(ast.StringTerm(key), term)
	return ast.NewTerm(obj), nil
}

// termAt returns the term at a path of object keys below t.
func termAt(t *ast.Term, path []string) *ast.Term {
	for _, p := range path {
		t = t.Value.(ast.Object).Get(ast.StringTerm(p))
	}
	return t
}

// effectiveSecurity merges a pod's and a container's securityContext into
// the one the container runs with, and lists (sorted, dotted) the fields
// that come from the pod. A null value counts as unset.
func effectiveSecurity(pod, ctr map[string]any) (map[string]any, []any) {
	out := make(map[string]any, len(ctr)+2)
	for k, v := range ctr {
		if v != nil && k != "windowsOptions" {
			out[k] = v
		}
	}
	fromPod := []string{}
	for _, f := range podSecurityFields {
		if ctr[f] == nil && pod[f] != nil {
			out[f] = pod[f]
			fromPod = append(fromPod, f)
		}
	}
	podWin, podIsObj := pod["windowsOptions"].(map[string]any)
	ctrWin, ctrIsObj := ctr["windowsOptions"].(map[string]any)
	switch {
	case ctr["windowsOptions"] != nil && !ctrIsObj:
		out["windowsOptions"] = ctr["windowsOptions"]
	case podIsObj || ctrIsObj:
		win := map[string]any{}
		for k, v := range ctrWin {
			if v != nil {
				win[k] = v
			}
		}
		for k, v := range podWin {
			if v != nil && ctrWin[k] == nil {
				win[k] = v
				fromPod = append(fromPod, "windowsOptions."+k)
			}
		}
		if len(win) > 0 {
			out["windowsOptions"] = win
		}
	}
	sort.Strings(fromPod)
	return out, anys(fromPod)
}

// isWindows reports whether a pod spec runs on Windows nodes, where the
// Linux securityContext fields do not apply.
func isWindows(spec map[string]any) bool {
	if lookup(spec, []string{"os", "name"}) == "windows" {
		return true
	}
	sel, _ := spec["nodeSelector"].(map[string]any)
	return sel["kubernetes.io/os"] == "windows" || sel["beta.kubernetes.io/os"] == "windows"
}

// lookup returns the value at path in nested maps, or nil.
func lookup(v any, path []string) any {
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	return v
}

func anys(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}
