package engine

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// RulePrefix is the package prefix of every rule, built-in or user-written.
const RulePrefix = "soc2scan.rules."

// Rule is one rule's metadata, read from its # METADATA annotation.
type Rule struct {
	ID            string
	Title         string
	Description   string
	Severity      report.Severity
	Criteria      []string // Trust Services Criteria IDs, sorted as written
	ResourceTypes []string
	Remediation   string
	Rationale     string // why the criteria differ from the reference, if they do
	Package       string // Rego package path without "data.", e.g. soc2scan.rules.aws.s3.encryption
	File          string // file the rule was read from
	Builtin       bool

	hasUnknown bool // the package defines an unknown set
}

// source is one Rego file before compilation.
type source struct {
	file    string
	text    string
	builtin bool
}

// readSources returns the .rego files below root in fsys, tests excluded,
// with display names prefixed by prefix.
func readSources(fsys fs.FS, root, prefix string, builtin bool) ([]source, error) {
	var out []source
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out = append(out, source{file: path.Join(prefix, p), text: string(b), builtin: builtin})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].file < out[j].file })
	return out, err
}

// ruleFromModule reads the metadata of a rule module. ok is false when the
// module is not a rule (a library module).
func ruleFromModule(file string, m *ast.Module, builtin bool) (rule *Rule, ok bool, diags document.Diagnostics) {
	pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
	hasDeny, hasUnknown := false, false
	for _, r := range m.Rules {
		switch r.Head.Name.String() {
		case "deny":
			hasDeny = true
		case "unknown":
			hasUnknown = true
		}
	}
	if !strings.HasPrefix(pkg, RulePrefix) {
		return nil, false, nil
	}
	loc := document.Location{File: file, Line: m.Package.Location.Row}
	bad := func(format string, args ...any) {
		diags = append(diags, document.Errorf(loc, "rule %s: "+format, append([]any{pkg}, args...)...))
	}
	if !hasDeny {
		bad("defines no deny rule")
		return nil, false, diags
	}
	var ann *ast.Annotations
	for _, a := range m.Annotations {
		if a.Scope == "package" {
			ann = a
			loc.Line = a.Location.Row
		}
	}
	if ann == nil {
		bad("has no package # METADATA annotation (title, description, custom.id, severity, criteria, resource_types, remediation)")
		return nil, false, diags
	}
	r := &Rule{
		Title:       strings.TrimSpace(ann.Title),
		Description: strings.TrimSpace(ann.Description),
		Package:     pkg,
		File:        file,
		Builtin:     builtin,
		hasUnknown:  hasUnknown,
	}
	str := func(key string, required bool) string {
		v, present := ann.Custom[key]
		s, isString := v.(string)
		switch {
		case !present && required:
			bad("custom.%s is missing", key)
		case present && !isString:
			bad("custom.%s must be a string", key)
		}
		return strings.TrimSpace(s)
	}
	list := func(key string) []string {
		v, present := ann.Custom[key]
		if !present {
			bad("custom.%s is missing", key)
			return nil
		}
		items, isList := v.([]any)
		if !isList {
			bad("custom.%s must be a list", key)
			return nil
		}
		var out []string
		for _, it := range items {
			s, isString := it.(string)
			if !isString || strings.TrimSpace(s) == "" {
				bad("custom.%s has an entry that is not a name: %v", key, it)
				continue
			}
			out = append(out, strings.TrimSpace(s))
		}
		if len(out) == 0 && len(items) == 0 {
			bad("custom.%s is empty", key)
		}
		return out
	}
	if r.Title == "" {
		bad("title is missing")
	}
	if r.Description == "" {
		bad("description is missing")
	}
	r.ID = str("id", true)
	sev := str("severity", true)
	r.Remediation = str("remediation", true)
	r.Rationale = str("rationale", false)
	r.Criteria = list("criteria")
	r.ResourceTypes = list("resource_types")
	if sev != "" {
		s, err := report.ParseSeverity(sev)
		if err != nil {
			bad("%v", err)
		}
		r.Severity = s
	}
	for _, c := range r.Criteria {
		if _, known := soc2.Lookup(c); !known {
			bad("custom.criteria: %q is not one of the 61 Trust Services Criteria (e.g. CC6.1, A1.2, C1.1, PI1.4, P4.2)", c)
		}
	}
	if slices.Contains(r.ResourceTypes, "") || hasDuplicates(r.Criteria) || hasDuplicates(r.ResourceTypes) {
		bad("custom.criteria and custom.resource_types must not repeat an entry")
	}
	if len(diags) > 0 {
		return nil, false, diags
	}
	return r, true, nil
}

func hasDuplicates(xs []string) bool {
	seen := map[string]bool{}
	for _, x := range xs {
		if seen[x] {
			return true
		}
		seen[x] = true
	}
	return false
}

// checkIDs reports rules that share an ID and drops all but the first.
func checkIDs(rules []*Rule) ([]*Rule, document.Diagnostics) {
	var diags document.Diagnostics
	first := map[string]*Rule{}
	var out []*Rule
	for _, r := range rules {
		if prev, dup := first[r.ID]; dup {
			diags = append(diags, document.Errorf(document.Location{File: r.File},
				"rule %s: custom.id %s is already used by %s", r.Package, r.ID, prev.File))
			continue
		}
		first[r.ID] = r
		out = append(out, r)
	}
	return out, diags
}

// ruleError formats a compile error as a diagnostic.
func ruleError(e *ast.Error) document.Diagnostic {
	loc := document.Location{}
	if e.Location != nil {
		loc = document.Location{File: e.Location.File, Line: e.Location.Row, Column: e.Location.Col}
	}
	return document.Diagnostic{Severity: document.Error, Location: loc, Summary: fmt.Sprintf("%s: %s", e.Code, e.Message)}
}
