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
	"strings"

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
func Parse(source string, data []byte) (*document.Document, document.Diagnostics) {
	at := func(p position) document.Location {
		return document.Location{File: source, Line: p.line}
	}
	fail := func(loc document.Location, format string, args ...any) (*document.Document, document.Diagnostics) {
		return nil, document.Diagnostics{document.Errorf(loc, format, args...)}
	}
	if err := json.Unmarshal(data, new(json.RawMessage)); err != nil {
		return nil, document.Diagnostics{jsonError(source, data, err)}
	}
	keys := topLevelKeys(data)
	if keys == nil {
		return fail(document.Location{File: source, Line: 1}, "not Terraform JSON: the top level is not an object")
	}
	fv, ok := keys["format_version"]
	if !ok {
		return fail(document.Location{File: source, Line: 1}, "not Terraform JSON: no format_version (want the output of terraform show -json)")
	}
	_, hasPlanned := keys["planned_values"]
	_, hasChanges := keys["resource_changes"]
	_, hasConfig := keys["configuration"]
	_, hasPrior := keys["prior_state"]
	isPlan := hasPlanned || hasChanges || hasConfig || hasPrior

	var p loaded
	if isPlan {
		var plan tfjson.Plan
		if err := json.Unmarshal(data, &plan); err != nil {
			return nil, document.Diagnostics{decodeError(source, data, at(fv), "plan", err)}
		}
		p = loaded{format: "tfplan", values: plan.PlannedValues, prior: plan.PriorState, changes: plan.ResourceChanges, config: plan.Config}
		if pos, ok := keys["planned_values"]; ok {
			p.lines = pretty(data, pos)
		}
	} else {
		var state tfjson.State
		if err := json.Unmarshal(data, &state); err != nil {
			return nil, document.Diagnostics{decodeError(source, data, at(fv), "state", err)}
		}
		p = loaded{format: "tfstate", values: state.Values}
		if pos, ok := keys["values"]; ok {
			p.lines = pretty(data, pos)
		}
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

// jsonError turns an encoding/json error into a diagnostic at its position.
func jsonError(source string, data []byte, err error) document.Diagnostic {
	loc := document.Location{File: source}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		loc.Line, loc.Column = document.LineColumn(data, syntax.Offset)
		return document.Diagnostic{Severity: document.Error, Location: loc, Summary: "invalid JSON", Detail: syntax.Error()}
	case errors.As(err, &typ):
		loc.Line, loc.Column = document.LineColumn(data, typ.Offset)
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

// decodeError reports a failure to decode valid JSON as a plan or state:
// a value of the wrong type, or an unsupported format version.
func decodeError(source string, data []byte, fv document.Location, what string, err error) document.Diagnostic {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	if errors.As(err, &syntax) || errors.As(err, &typ) {
		d := jsonError(source, data, err)
		d.Summary = fmt.Sprintf("not a Terraform %s: %s", what, d.Summary)
		return d
	}
	if strings.Contains(err.Error(), "format version") {
		return document.Diagnostic{Severity: document.Error, Location: fv,
			Summary: fmt.Sprintf("unsupported Terraform %s format", what),
			Detail:  err.Error() + "; soc2scan reads format 0.x and 1.x"}
	}
	return document.Diagnostic{Severity: document.Error, Location: document.Location{File: source},
		Summary: fmt.Sprintf("not a Terraform %s", what), Detail: err.Error()}
}

// loaded holds the decoded parts that the document is built from.
type loaded struct {
	format  string
	values  *tfjson.StateValues
	prior   *tfjson.State
	changes []*tfjson.ResourceChange
	config  *tfjson.Config
	lines   map[string]int // address → line, when pretty-printed
}

// instance is one resource instance with the module instance it lives in.
type instance struct {
	res    *tfjson.StateResource
	module string // module instance address, "" for the root
}

func (p *loaded) document(source string) *document.Document {
	changes := make(map[string]*tfjson.ResourceChange, len(p.changes))
	for _, rc := range p.changes {
		changes[rc.Address] = rc
	}
	var insts []instance
	seen := map[string]bool{}
	var modules []string
	var walk func(m *tfjson.StateModule, addr string, dataOnly bool)
	walk = func(m *tfjson.StateModule, addr string, dataOnly bool) {
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
		walk(p.prior.Values.RootModule, "", true)
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
func onlyRemoves(c *tfjson.Change) bool {
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
