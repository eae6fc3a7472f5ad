package engine

import (
	"errors"
	"runtime"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/soc2scan/soc2scan/pkg/document"
)

// inputValue builds the value rules see as input, with the indexes that keep
// each rule proportional to its own resources: by_type (data sources under
// "data.TYPE"), by_id and referenced_by. rego/testing.rego builds the same
// shape for rule tests; TestInputMatchesRegoTestingDoc keeps them in step.
func inputValue(doc *document.Document) (ast.Value, error) {
	resources := make([]any, len(doc.Resources))
	byType := map[string][]any{}
	byID := make(map[string]any, len(doc.Resources))
	referencedBy := map[string][]any{}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		values := r.Values
		if values == nil {
			values = map[string]any{}
		}
		unknown := r.Unknown
		if unknown == nil {
			unknown = map[string]any{}
		}
		refs := make(map[string]any, len(r.Refs))
		for attr, ids := range r.Refs {
			list := make([]any, len(ids))
			for j, id := range ids {
				list[j] = id
				referencedBy[id] = append(referencedBy[id], map[string]any{"index": i, "attr": attr})
			}
			refs[attr] = list
		}
		mode := r.Mode
		if mode == "" {
			mode = document.Managed
		}
		res := map[string]any{
			"id":       r.ID,
			"type":     r.Type,
			"provider": r.Provider,
			"mode":     string(mode),
			"values":   values,
			"unknown":  unknown,
			"refs":     refs,
			"location": map[string]any{"file": r.Location.File, "line": r.Location.Line, "column": r.Location.Column},
		}
		if r.Action != "" {
			res["action"] = r.Action
		}
		resources[i] = res
		key := r.Type
		if mode == document.Data {
			key = "data." + r.Type
		}
		byType[key] = append(byType[key], i)
		byID[r.ID] = i
	}
	bt := make(map[string]any, len(byType))
	for k, v := range byType {
		bt[k] = v
	}
	rb := make(map[string]any, len(referencedBy))
	for k, v := range referencedBy {
		rb[k] = v
	}
	resourcesValue, err := convertAll(resources)
	if err != nil {
		return nil, err
	}
	rest, err := ast.InterfaceToValue(map[string]any{
		"kind":          string(doc.Kind),
		"format":        doc.Format,
		"source":        doc.Source,
		"by_type":       bt,
		"by_id":         byID,
		"referenced_by": rb,
	})
	if err != nil {
		return nil, err
	}
	in := rest.(ast.Object)
	in.Insert(ast.StringTerm("resources"), ast.NewTerm(resourcesValue))
	if doc.Kind == document.Kubernetes {
		k, err := kubeIndex(doc, resourcesValue)
		if err != nil {
			return nil, err
		}
		in.Insert(ast.StringTerm("kubernetes"), ast.NewTerm(k))
	}
	return in, nil
}

// convertAll converts the resources to Rego values on all cores: one
// document can hold every manifest of a scan, and converting 10,000
// workloads on one core takes a third of a second.
func convertAll(resources []any) (*ast.Array, error) {
	terms := make([]*ast.Term, len(resources))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(resources)/256))
	chunk := (len(resources) + workers - 1) / max(workers, 1)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w * chunk; i < min(len(resources), (w+1)*chunk); i++ {
				v, err := ast.InterfaceToValue(resources[i])
				if err != nil {
					errs[w] = err
					return
				}
				terms[i] = ast.NewTerm(v)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return ast.NewArray(terms...), nil
}
