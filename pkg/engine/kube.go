package engine

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/engine/internal/irvm"
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
// The records are built as Rego values directly, on all cores, sharing the
// terms of the converted resources (pod specs, containers, labels, a
// securityContext the pod adds nothing to) rather than converting them a
// second time.
func kubeIndex(doc *document.Document, resources *irvm.Array) (ast.Value, error) {
	// Pod spec numbers are positions in the document: count them first,
	// then build each resource's records independently.
	type owner struct {
		i    int // resource
		pod  int // its pod spec's number
		path []string
		spec map[string]any
	}
	var owners []owner
	for i := range doc.Resources {
		r := &doc.Resources[i]
		path, ok := podSpecPath(r)
		if !ok || r.Mode == document.Data {
			continue
		}
		if spec, ok := lookup(r.Values, path).(map[string]any); ok {
			owners = append(owners, owner{i: i, pod: len(owners), path: path, spec: spec})
		}
	}
	pods := make([]*ast.Term, len(owners))
	containers := make([][]*ast.Term, len(owners))
	errs := make([]error, len(owners))
	paths := podPathTerms()
	forEachChunk(len(owners), func(k int) {
		o := owners[k]
		pods[k], containers[k], errs[k] = podRecords(&doc.Resources[o.i], o.i, o.pod, o.path, o.spec, resources.Elem(o.i), paths)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return irvm.NewObject([][2]*ast.Term{
		ast.Item(key("pod_specs"), ast.NewTerm(irvm.NewArray(pods))),
		ast.Item(key("containers"), ast.NewTerm(irvm.NewArray(slices.Concat(containers...)))),
	}), nil
}

// podPathTerms converts the pod spec paths once: records of the same kind
// share them.
func podPathTerms() map[string]*ast.Term {
	out := map[string]*ast.Term{}
	for _, m := range []map[string][]string{podSpecPaths, knativePodSpecPaths} {
		for _, p := range m {
			out[strings.Join(p, ".")] = ast.NewTerm(stringArray(p))
		}
	}
	return out
}

var (
	falseTerm = ast.InternedTerm(false)
	trueTerm  = ast.InternedTerm(true)
	noFields  = ast.NewTerm(ast.NewArray())
	noObject  = ast.NewTerm(irvm.NewObject(nil))
)

// podRecords builds the pod_specs record of resource r (number i in the
// document, pod spec number pod at path) and the records of its containers.
func podRecords(r *document.Resource, i, pod int, path []string, spec map[string]any, res *ast.Term, paths map[string]*ast.Term) (*ast.Term, []*ast.Term, error) {
	ns, _ := lookup(r.Values, []string{"metadata", "namespace"}).(string)
	if ns == "" {
		ns = "default"
	}
	values := termAt(res, []string{"values"})
	meta := path[:len(path)-1]
	labels := objectAt(values, append(slices.Clip(meta), "metadata", "labels"))
	annotations := objectAt(values, append(slices.Clip(meta), "metadata", "annotations"))
	windows := falseTerm
	if isWindows(spec) {
		windows = trueTerm
	}
	podPath := paths[strings.Join(path, ".")]
	specTerm := termAt(values, path)
	idTerm, kindTerm, nsTerm, indexTerm := ast.StringTerm(r.ID), ast.StringTerm(r.Type), ast.StringTerm(ns), irvm.Int(i)
	// The owner's fields, which every record of the resource starts with.
	owner := [][2]*ast.Term{
		ast.Item(key("resource"), indexTerm),
		ast.Item(key("id"), idTerm),
		ast.Item(key("kind"), kindTerm),
		ast.Item(key("namespace"), nsTerm),
	}
	record := objectTerm(append(slices.Clip(owner),
		ast.Item(key("path"), podPath),
		ast.Item(key("labels"), labels),
		ast.Item(key("annotations"), annotations),
		ast.Item(key("windows"), windows),
		ast.Item(key("spec"), specTerm),
	)...)
	var containers []*ast.Term
	podSC, _ := spec["securityContext"].(map[string]any)
	podTerm := irvm.Int(pod)
	for _, list := range containerLists {
		items, _ := spec[list.field].([]any)
		if len(items) == 0 {
			continue
		}
		itemTerms, _ := termAt(specTerm, []string{list.field}).Value.(*irvm.Array)
		listTerm := ast.StringTerm(list.field)
		for j, item := range items {
			c, ok := item.(map[string]any)
			if !ok {
				continue
			}
			name, ok := c["name"].(string)
			if !ok {
				name = fmt.Sprintf("%s[%d]", list.field, j)
			}
			ctrTerm := itemTerms.Elem(j)
			ctrSC, _ := c["securityContext"].(map[string]any)
			security, fromPod, err := securityTerm(podSC, ctrSC, ctrTerm)
			if err != nil {
				return nil, nil, err
			}
			cpath := make([]*ast.Term, 0, len(path)+2)
			for _, p := range path {
				cpath = append(cpath, ast.StringTerm(p))
			}
			cpath = append(cpath, listTerm, ast.InternedTerm(j))
			containers = append(containers, objectTerm(append(slices.Clip(owner),
				ast.Item(key("pod"), podTerm),
				ast.Item(key("list"), listTerm),
				ast.Item(key("index"), ast.InternedTerm(j)),
				ast.Item(key("name"), ast.StringTerm(name)),
				ast.Item(key("subject"), ast.StringTerm(r.ID+" "+list.word+" "+name)),
				ast.Item(key("path"), ast.ArrayTerm(cpath...)),
				ast.Item(key("windows"), windows),
				ast.Item(key("security"), security),
				ast.Item(key("security_pod"), fromPod),
				ast.Item(key("container"), ctrTerm),
			)...))
		}
	}
	return record, containers, nil
}

// securityTerm is the effective securityContext of a container as a Rego
// value, with the sorted names of the fields that come from the pod: the
// container's own converted securityContext when the pod adds nothing and
// nothing needs dropping (the common case), else the merge converted.
func securityTerm(podSC, ctrSC map[string]any, ctr *ast.Term) (*ast.Term, *ast.Term, error) {
	security, fromPod := effectiveSecurity(podSC, ctrSC)
	win, _ := ctrSC["windowsOptions"].(map[string]any)
	if len(fromPod) == 0 && len(security) == len(ctrSC) && !slices.Contains(slices.Collect(maps.Values(win)), nil) {
		if t := termAtOK(ctr, []string{"securityContext"}); t != nil {
			if _, ok := t.Value.(*irvm.Object); ok {
				return t, noFields, nil
			}
		}
		if len(security) == 0 {
			return noObject, noFields, nil
		}
	}
	v, err := toValue(security)
	if err != nil {
		return nil, nil, err
	}
	names := make([]*ast.Term, len(fromPod))
	for i, f := range fromPod {
		names[i] = ast.StringTerm(f.(string))
	}
	return ast.NewTerm(v), ast.ArrayTerm(names...), nil
}

// termAt returns the term at a path of object keys below t.
func termAt(t *ast.Term, path []string) *ast.Term {
	for _, p := range path {
		t = t.Value.(*irvm.Object).Get(p)
	}
	return t
}

// termAtOK is termAt that returns nil where the path leaves the objects.
func termAtOK(t *ast.Term, path []string) *ast.Term {
	for _, p := range path {
		obj, ok := t.Value.(*irvm.Object)
		if !ok {
			return nil
		}
		if t = obj.Get(p); t == nil {
			return nil
		}
	}
	return t
}

// objectAt is the object at a path of object keys below t, or an empty
// object where there is none.
func objectAt(t *ast.Term, path []string) *ast.Term {
	if o := termAtOK(t, path); o != nil {
		if _, ok := o.Value.(*irvm.Object); ok {
			return o
		}
	}
	return noObject
}

// stringArray converts strings to a Rego array.
func stringArray(s []string) *ast.Array {
	terms := make([]*ast.Term, len(s))
	for i, x := range s {
		terms[i] = ast.StringTerm(x)
	}
	return ast.NewArray(terms...)
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
