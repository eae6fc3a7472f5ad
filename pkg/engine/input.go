package engine

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/engine/internal/irvm"
)

// inputValue builds the value rules see as input, with the indexes that keep
// each rule proportional to its own resources: by_type (data sources under
// "data.TYPE"), of_type (the same lists holding the resources rather than
// their indexes: the library's resources(type) is then a lookup, where
// building the list in Rego was a fifth of evaluating a large plan), by_id
// and referenced_by. rego/testing.rego builds the same
// shape for rule tests; TestInputMatchesRegoTestingDoc keeps them in step.
func inputValue(doc *document.Document) (ast.Value, error) {
	resources, err := convertAll(doc.Resources)
	if err != nil {
		return nil, err
	}
	byType := map[string][]int{}
	byID := make([][2]*ast.Term, len(doc.Resources))
	referencedBy := map[string][]*ast.Term{}
	var order []string // referenced ids, in first-seen order
	for i := range doc.Resources {
		r := &doc.Resources[i]
		index := irvm.Int(i)
		for _, attr := range slices.Sorted(maps.Keys(r.Refs)) {
			entry := objectTerm(ast.Item(key("index"), index), ast.Item(key("attr"), ast.StringTerm(attr)))
			for _, id := range r.Refs[attr] {
				if _, seen := referencedBy[id]; !seen {
					order = append(order, id)
				}
				referencedBy[id] = append(referencedBy[id], entry)
			}
		}
		key := r.Type
		if r.Mode == document.Data {
			key = "data." + r.Type
		}
		byType[key] = append(byType[key], i)
		byID[i] = ast.Item(ast.StringTerm(r.ID), index)
	}
	types := slices.Sorted(maps.Keys(byType))
	bt, ot := make([][2]*ast.Term, len(types)), make([][2]*ast.Term, len(types))
	for t, k := range types {
		indexes, of := make([]*ast.Term, len(byType[k])), make([]*ast.Term, len(byType[k]))
		for j, i := range byType[k] {
			indexes[j], of[j] = irvm.Int(i), resources.Elem(i)
		}
		bt[t] = ast.Item(ast.StringTerm(k), ast.ArrayTerm(indexes...))
		ot[t] = ast.Item(ast.StringTerm(k), ast.NewTerm(irvm.NewArray(of)))
	}
	rb := make([][2]*ast.Term, len(order))
	for j, id := range order {
		rb[j] = ast.Item(ast.StringTerm(id), ast.NewTerm(irvm.NewArray(referencedBy[id])))
	}
	in := [][2]*ast.Term{
		ast.Item(key("kind"), ast.StringTerm(string(doc.Kind))),
		ast.Item(key("format"), ast.StringTerm(doc.Format)),
		ast.Item(key("source"), ast.StringTerm(doc.Source)),
		ast.Item(key("by_type"), objectTerm(bt...)),
		ast.Item(key("of_type"), objectTerm(ot...)),
		ast.Item(key("by_id"), objectTerm(byID...)),
		ast.Item(key("referenced_by"), objectTerm(rb...)),
		ast.Item(key("resources"), ast.NewTerm(resources)),
	}
	if doc.Kind == document.Kubernetes {
		k, err := kubeIndex(doc, resources)
		if err != nil {
			return nil, err
		}
		in = append(in, ast.Item(key("kubernetes"), ast.NewTerm(k)))
	}
	return irvm.NewObject(in), nil
}

// objectTerm is a term of the rule input's object of items (string keys):
// see irvm.Object.
func objectTerm(items ...[2]*ast.Term) *ast.Term {
	return ast.NewTerm(irvm.NewObject(items))
}

// resourceValue is the Rego value of one resource: its fields, and its
// values and unknown marks converted.
func (c *converter) resourceValue(r *document.Resource) (ast.Value, error) {
	values, err := c.objectValue(r.Values)
	if err != nil {
		return nil, err
	}
	unknown, err := c.objectValue(r.Unknown)
	if err != nil {
		return nil, err
	}
	refs := make([][2]*ast.Term, 0, len(r.Refs))
	for attr, ids := range r.Refs {
		list := make([]*ast.Term, len(ids))
		for j, id := range ids {
			list[j] = ast.StringTerm(id)
		}
		refs = append(refs, ast.Item(ast.StringTerm(attr), ast.ArrayTerm(list...)))
	}
	mode := r.Mode
	if mode == "" {
		mode = document.Managed
	}
	obj := [][2]*ast.Term{
		ast.Item(key("id"), ast.StringTerm(r.ID)),
		ast.Item(key("type"), ast.StringTerm(r.Type)),
		ast.Item(key("provider"), ast.StringTerm(r.Provider)),
		ast.Item(key("mode"), ast.StringTerm(string(mode))),
		ast.Item(key("values"), ast.NewTerm(values)),
		ast.Item(key("unknown"), ast.NewTerm(unknown)),
		ast.Item(key("refs"), objectTerm(refs...)),
		ast.Item(key("location"), objectTerm(
			ast.Item(key("file"), ast.StringTerm(r.Location.File)),
			ast.Item(key("line"), ast.InternedTerm(r.Location.Line)),
			ast.Item(key("column"), ast.InternedTerm(r.Location.Column)),
		)),
	}
	if r.Action != "" {
		obj = append(obj, ast.Item(key("action"), ast.StringTerm(r.Action)))
	}
	return irvm.NewObject(obj), nil
}

// objectValue converts a map of values; nil is the empty object.
func (c *converter) objectValue(m map[string]any) (ast.Value, error) {
	if m == nil {
		return irvm.NewObject(nil), nil
	}
	return c.value(m)
}

// key returns the term for an object key of the rule input: the plans'
// own term when a rule looks the key up (irvm.Key), so that lookups
// compare pointers rather than strings.
func key(s string) *ast.Term {
	if t := irvm.Key(s); t != nil {
		return t
	}
	if t, ok := inputKeys[s]; ok {
		return t
	}
	return ast.InternedTerm(s)
}

// inputKeys holds a term for each key of the records the engine builds,
// made once rather than for each record: the rules look only some of them
// up.
var inputKeys = func() map[string]*ast.Term {
	m := map[string]*ast.Term{}
	for _, k := range strings.Fields(`action annotations attr by_id by_type column container containers
		file format id index kind kubernetes labels line list location mode name namespace of_type path
		pod pod_specs provider referenced_by refs resource resources security security_pod source spec
		subject type unknown values windows`) {
		m[k] = ast.StringTerm(k)
	}
	return m
}()

// converter converts the loader's values. Object keys repeat across
// resources, and those no rule looks up (labels, annotations, names of the
// user's own) would get a new term at each: keys keeps the terms of up to
// maxKeys of them.
type converter struct {
	keys map[string]*ast.Term
}

const maxKeys = 4096

func newConverter() *converter {
	return &converter{keys: map[string]*ast.Term{}}
}

// key is key(s), kept.
func (c *converter) key(s string) *ast.Term {
	if t, ok := c.keys[s]; ok {
		return t
	}
	t := key(s)
	if c.keys != nil && len(c.keys) < maxKeys {
		c.keys[s] = t
	}
	return t
}

// toValue converts a loader's value, without a cache of keys; see
// converter.value.
func toValue(x any) (ast.Value, error) {
	return (&converter{}).value(x)
}

// value converts a loader's value as ast.InterfaceToValue does, with
// object keys from key, into the plans' own objects and arrays (see
// irvm.Object). Terms of one array or object are allocated together.
func (c *converter) value(x any) (ast.Value, error) {
	switch x := x.(type) {
	case map[string]any:
		b := irvm.NewObjectBuilder(len(x))
		vals := make([]ast.Term, len(x))
		i := 0
		for k, v := range x {
			cv, err := c.value(v)
			if err != nil {
				return nil, err
			}
			vals[i].Value = cv
			b.Add(c.key(k), &vals[i])
			i++
		}
		return b.Object(), nil
	case []any:
		terms := make([]*ast.Term, len(x))
		vals := make([]ast.Term, len(x))
		for i, e := range x {
			cv, err := c.value(e)
			if err != nil {
				return nil, err
			}
			vals[i].Value = cv
			terms[i] = &vals[i]
		}
		return irvm.NewArray(terms), nil
	}
	return ast.InterfaceToValue(x)
}

// convertAll converts the resources to Rego values on all cores: one
// document can hold every manifest of a scan, and converting 10,000
// workloads on one core takes a third of a second.
func convertAll(resources []document.Resource) (*irvm.Array, error) {
	terms := make([]*ast.Term, len(resources))
	errs := make([]error, len(resources))
	forEachChunkOf(len(resources), newConverter, func(c *converter, i int) {
		var v ast.Value
		if v, errs[i] = c.resourceValue(&resources[i]); errs[i] == nil {
			terms[i] = ast.NewTerm(v)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return irvm.NewArray(terms), nil
}
