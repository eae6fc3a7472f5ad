package engine

import (
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
	return ast.InterfaceToValue(map[string]any{
		"kind":          string(doc.Kind),
		"format":        doc.Format,
		"source":        doc.Source,
		"resources":     resources,
		"by_type":       bt,
		"by_id":         byID,
		"referenced_by": rb,
	})
}
