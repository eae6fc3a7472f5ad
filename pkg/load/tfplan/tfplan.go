// Package tfplan loads the JSON that `terraform show -json` writes, of a plan
// (format 0.x and 1.x) or of a state, into a normalised document.
//
// Values come from planned_values (every nested module), unknown values from
// resource_changes[].change.after_unknown, references from the configuration's
// expressions (followed through module inputs and outputs) and, where the
// configuration is silent, from attribute values that equal another resource's
// id or ARN. Resources whose only action is delete are left out: they will not
// exist after apply. Where the file is pretty-printed, each resource's location
// is the line of its object in planned_values (or values, for a state).
package tfplan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/soc2scan/soc2scan/pkg/document"
)

// Detect reports whether data looks like `terraform show -json` output: a
// JSON object whose first key is format_version, as Terraform writes it. It
// reads only the start of data.
func Detect(data []byte) bool {
	head := data[:min(len(data), 512)]
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	head = bytes.TrimLeft(head[1:], " \t\r\n")
	return bytes.HasPrefix(head, []byte(`"format_version"`))
}

// Parse reads a plan or state. It returns a nil document and at least one
// error diagnostic when data cannot be read.
//
// The top-level values are decoded in parallel, each into its
// terraform-json type: planned_values, resource_changes and configuration
// are each about a third of a plan, and decoding is most of the cost of a
// scan. Every other top-level value is validated as JSON.
func Parse(source string, data []byte) (*document.Document, document.Diagnostics) {
	fail := func(line int, format string, args ...any) (*document.Document, document.Diagnostics) {
		return nil, document.Diagnostics{document.Errorf(document.Location{File: source, Line: line}, format, args...)}
	}
	spans, err := topLevel(data)
	if err != nil {
		var se *errStructure
		errors.As(err, &se)
		loc := document.Location{File: source}
		loc.Line, loc.Column = document.LineColumn(data, int64(se.offset))
		return nil, document.Diagnostics{{Severity: document.Error, Location: loc, Summary: "invalid JSON", Detail: se.msg}}
	}
	if spans == nil {
		if !json.Valid(data) {
			var v any
			return nil, document.Diagnostics{jsonError(source, data, 0, json.Unmarshal(data, &v))}
		}
		return fail(1, "not Terraform JSON: the top level is not an object")
	}
	fvSpan, ok := spans["format_version"]
	if !ok {
		return fail(1, "not Terraform JSON: no format_version (want the output of terraform show -json)")
	}
	_, hasPlanned := spans["planned_values"]
	_, hasChanges := spans["resource_changes"]
	_, hasConfig := spans["configuration"]
	_, hasPrior := spans["prior_state"]
	isPlan := hasPlanned || hasChanges || hasConfig || hasPrior
	what := "state"
	if isPlan {
		what = "plan"
	}

	var fv string
	p := loaded{format: "tfstate"}
	targets := map[string]any{"format_version": &fv}
	if isPlan {
		p.format = "tfplan"
		targets["planned_values"] = &p.values
		targets["resource_changes"] = &p.changes
		targets["prior_state"] = &p.prior
		targets["configuration"] = &p.config
	} else {
		targets["values"] = &p.values
	}
	keys := make([]string, 0, len(spans))
	for k := range spans {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	errs := make([]error, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sp := spans[k]
			text := data[sp.offset:sp.end]
			if target, ok := targets[k]; ok {
				errs[i] = jsonv2.Unmarshal(text, target, decodeOptions)
			} else if !json.Valid(text) {
				var v any
				errs[i] = json.Unmarshal(text, &v)
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, document.Diagnostics{decodeError(source, data, spans[keys[i]], what, err)}
		}
	}
	var verr error
	if isPlan {
		verr = (&tfjson.Plan{FormatVersion: fv}).Validate()
	} else {
		verr = (&tfjson.State{FormatVersion: fv}).Validate()
	}
	if verr != nil {
		return nil, document.Diagnostics{{Severity: document.Error,
			Location: document.Location{File: source, Line: fvSpan.line},
			Summary:  fmt.Sprintf("unsupported Terraform %s format", what),
			Detail:   verr.Error() + "; soc2scan reads format 0.x and 1.x"}}
	}
	key := "values"
	if isPlan {
		key = "planned_values"
	}
	if sp, ok := spans[key]; ok {
		p.lines = pretty(data, sp.position)
	}
	return p.document(source), nil
}

// pretty returns the address lines of the value at pos, or nil when the file
// is not pretty-printed (everything on one line tells nothing).
func pretty(data []byte, pos position) map[string]int {
	if bytes.Count(data[pos.offset:min(len(data), pos.offset+4096)], []byte{'\n'}) == 0 {
		return nil
	}
	return addressLines(data, pos)
}

// jsonError turns an encoding/json error about the text at base into a
// diagnostic at its position in the file.
func jsonError(source string, data []byte, base int, err error) document.Diagnostic {
	loc := document.Location{File: source}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		loc.Line, loc.Column = document.LineColumn(data, int64(base)+syntax.Offset)
		return document.Diagnostic{Severity: document.Error, Location: loc, Summary: "invalid JSON", Detail: syntax.Error()}
	case errors.As(err, &typ):
		loc.Line, loc.Column = document.LineColumn(data, int64(base)+typ.Offset)
		field := typ.Field
		if field == "" {
			field = "value"
		}
		return document.Diagnostic{Severity: document.Error, Location: loc,
			Summary: fmt.Sprintf("unexpected JSON %s at %s", typ.Value, field),
			Detail:  fmt.Sprintf("want %s", typ.Type)}
	}
	return document.Diagnostic{Severity: document.Error, Location: loc, Summary: "invalid JSON", Detail: err.Error()}
}

// decodeOptions make encoding/json/v2 as lenient as encoding/json about
// what is not this loader's business: a repeated key (the last wins) and
// invalid UTF-8 in a string (replaced).
var decodeOptions = jsonv2.JoinOptions(jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))

// decodeError reports a failure to decode the top-level value at sp.
func decodeError(source string, data []byte, sp span, what string, err error) document.Diagnostic {
	var syntax *jsontext.SyntacticError
	var semantic *jsonv2.SemanticError
	loc := document.Location{File: source}
	switch {
	case errors.As(err, &syntax):
		loc.Line, loc.Column = document.LineColumn(data, int64(sp.offset)+syntax.ByteOffset)
		detail := err.Error()
		if syntax.Err != nil {
			detail = syntax.Err.Error()
		}
		return document.Diagnostic{Severity: document.Error, Location: loc, Summary: "invalid JSON", Detail: detail}
	case errors.As(err, &semantic) && semantic.JSONKind != 0:
		loc.Line, loc.Column = document.LineColumn(data, int64(sp.offset)+semantic.ByteOffset)
		at := "/" + sp.key + string(semantic.JSONPointer)
		d := document.Diagnostic{Severity: document.Error, Location: loc,
			Summary: fmt.Sprintf("not a Terraform %s: unexpected JSON %s at %s", what, kindName(semantic.JSONKind), at)}
		if semantic.GoType != nil {
			d.Detail = "want " + goKindName(semantic.GoType)
		}
		return d
	}
	return document.Diagnostic{Severity: document.Error, Location: document.Location{File: source, Line: sp.line},
		Summary: fmt.Sprintf("not a Terraform %s", what), Detail: err.Error()}
}

// kindName names a JSON kind as encoding/json's errors do.
func kindName(k jsontext.Kind) string {
	switch k {
	case 'n':
		return "null"
	case 'f', 't':
		return "bool"
	case '"':
		return "string"
	case '0':
		return "number"
	case '{':
		return "object"
	case '[':
		return "array"
	}
	return "value"
}

// goKindName names the Go type a value was decoded into the way a user
// reads it: a list, an object, a string.
func goKindName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Interface:
		return "any value"
	}
	return "a number"
}

// loaded holds the decoded parts that the document is built from.
type loaded struct {
	format  string
	values  *stateValues
	prior   *priorState
	changes []*resourceChange
	config  *configJSON
	lines   map[string]int // address → line, when pretty-printed
}

// instance is one resource instance with the module instance it lives in.
type instance struct {
	res    *stateResource
	module string // module instance address, "" for the root
}

func (p *loaded) document(source string) *document.Document {
	changes := make(map[string]*resourceChange, len(p.changes))
	for _, rc := range p.changes {
		changes[rc.Address] = rc
	}
	var insts []instance
	seen := map[string]bool{}
	var modules []string
	var walk func(m *stateModule, addr string, dataOnly bool)
	walk = func(m *stateModule, addr string, dataOnly bool) {
		if m == nil {
			return
		}
		if !dataOnly && addr != "" {
			modules = append(modules, addr)
		}
		for _, r := range m.Resources {
			if r == nil || seen[r.Address] || (dataOnly && r.Mode != tfjson.DataResourceMode) {
				continue
			}
			if rc := changes[r.Address]; rc != nil && onlyRemoves(rc.Change) {
				continue
			}
			seen[r.Address] = true
			insts = append(insts, instance{res: r, module: addr})
		}
		for _, c := range m.ChildModules {
			if c != nil {
				walk(c, c.Address, dataOnly)
			}
		}
	}
	if p.values != nil {
		walk(p.values.RootModule, "", false)
	}
	// Data sources read while planning live only in prior_state.
	if p.prior != nil && p.prior.Values != nil {
		walk(p.prior.Values.RootModule.dataSources(), "", true)
	}

	doc := &document.Document{Kind: document.Terraform, Format: p.format, Source: source,
		Resources: make([]document.Resource, len(insts))}
	for i, in := range insts {
		r := in.res
		res := document.Resource{
			ID:       r.Address,
			Type:     r.Type,
			Provider: providerName(r.ProviderName),
			Mode:     document.Managed,
			Values:   r.AttributeValues,
			Location: document.Location{File: source, Line: p.lines[r.Address]},
		}
		if r.Mode == tfjson.DataResourceMode {
			res.Mode = document.Data
		}
		if res.Values == nil {
			res.Values = map[string]any{}
		}
		if rc := changes[r.Address]; rc != nil && rc.Change != nil {
			res.Action = actionName(rc.Change.Actions)
			if u, ok := rc.Change.AfterUnknown.(map[string]any); ok && len(u) > 0 {
				res.Unknown = u
			}
		}
		doc.Resources[i] = res
	}
	linkReferences(doc.Resources, insts, modules, p.config)
	return doc
}

// onlyRemoves reports whether a change leaves nothing behind after apply.
// priorState is what soc2scan reads of prior_state: the data sources read
// while planning. The managed resources, as big as planned_values in a plan
// of existing infrastructure, are skipped rather than decoded.
type priorState struct {
	Values *struct {
		RootModule *priorModule `json:"root_module"`
	} `json:"values"`
}

type priorModule struct {
	Address      string           `json:"address"`
	Resources    []*priorResource `json:"resources"`
	ChildModules []*priorModule   `json:"child_modules"`
}

// priorResource decodes a resource only when it is a data source.
type priorResource struct {
	data *stateResource
}

func (r *priorResource) UnmarshalJSON(b []byte) error {
	var head struct {
		Mode tfjson.ResourceMode `json:"mode"`
	}
	if err := json.Unmarshal(b, &head); err != nil || head.Mode != tfjson.DataResourceMode {
		return err
	}
	r.data = &stateResource{}
	return json.Unmarshal(b, r.data)
}

// dataSources returns the module tree with its data sources only, in the
// shape planned_values has.
func (m *priorModule) dataSources() *stateModule {
	if m == nil {
		return nil
	}
	out := &stateModule{Address: m.Address}
	for _, r := range m.Resources {
		if r != nil && r.data != nil {
			out.Resources = append(out.Resources, r.data)
		}
	}
	for _, c := range m.ChildModules {
		out.ChildModules = append(out.ChildModules, c.dataSources())
	}
	return out
}

// resourceChange is what soc2scan reads of resource_changes[]: the planned
// actions and which values are known only after apply. The before and
// after values, which planned_values holds already, are skipped rather
// than decoded: they are a third of a plan.
type resourceChange struct {
	Address string  `json:"address"`
	Change  *change `json:"change"`
}

type change struct {
	Actions      tfjson.Actions `json:"actions"`
	AfterUnknown any            `json:"after_unknown"`
}

func onlyRemoves(c *change) bool {
	if c == nil {
		return false
	}
	return c.Actions.Delete() || c.Actions.Forget()
}

func actionName(a tfjson.Actions) string {
	switch {
	case a.Replace():
		return "replace"
	case len(a) == 1:
		return string(a[0])
	}
	return ""
}

// providerName shortens "registry.terraform.io/hashicorp/aws" to "aws".
func providerName(full string) string {
	if i := strings.LastIndexByte(full, '/'); i >= 0 {
		return full[i+1:]
	}
	return full
}
