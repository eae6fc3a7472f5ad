package tfhcl

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/soc2scan/soc2scan/pkg/document"
)

// Limits that keep hostile or broken configurations from exhausting the
// machine: each is far above what real configurations use.
const (
	maxFileSize     = 8 << 20 // bytes of one .tf, .tfvars or file() file
	maxModuleDepth  = 32      // nested module calls
	maxInstances    = 10_000  // instances of one resource or module block (count, for_each)
	maxResources    = 500_000 // resource instances of one document
	maxModuleCalls  = 10_000  // module instances of one document
	maxTemplateSize = 1 << 20 // bytes of one templatefile() template
	maxDepth        = 2_000   // references chained through locals, resources, modules
)

// module is the parsed configuration of one module directory, shared by all
// of its instances.
type module struct {
	dir       string // as the loader names it (joined onto the root as given)
	variables map[string]*variable
	locals    map[string]*hcl.Attribute
	resources []*resource
	byAddr    map[string]*resource // "aws_s3_bucket.b", "data.aws_iam_policy_document.d"
	types     map[string]bool      // managed resource types declared here
	calls     []*call
	callsByNm map[string]*call
	outputs   map[string]*hcl.Attribute
	providers map[string]string // provider local name → type (last segment of its source)
	model     *moduleModel      // the registry module this model stands for; nil for real modules
}

type variable struct {
	name       string
	typ        cty.Type
	defaults   *typeexpr.Defaults
	def        cty.Value // cty.NilVal when there is no default
	nullable   bool
	loc        document.Location
	parseAsHCL bool // -var and TF_VAR_ values are HCL expressions, not strings
}

type resource struct {
	mode      document.Mode
	typ, name string
	addr      string // inside the module, without key
	count     hcl.Expression
	forEach   hcl.Expression
	provider  string
	body      hcl.Body
	loc       document.Location
	vars      []hcl.Traversal // every reference of the block
}

type call struct {
	name, source string
	version      string   // the version argument, "" without one
	blocks       []string // nested block types, which Terraform rejects in a call
	count        hcl.Expression
	forEach      hcl.Expression
	args         map[string]*hcl.Attribute
	argVars      []hcl.Traversal
	loc          document.Location
	child        *module // nil when the module cannot be read
}

var topSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "output", LabelNames: []string{"name"}},
}}

var resourceMeta = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: "provider"}, {Name: "depends_on"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "lifecycle"}, {Type: "provisioner", LabelNames: []string{"type"}}, {Type: "connection"}},
}

// metaNames are the names resourceMeta takes out of a resource body.
var metaNames = map[string]bool{"count": true, "for_each": true, "provider": true, "depends_on": true,
	"lifecycle": true, "provisioner": true, "connection": true}

var variableSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "type"}, {Name: "default"}, {Name: "nullable"}},
}

var moduleMeta = map[string]bool{"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true}

// parseModule reads the .tf and .tf.json files of one directory.
func (l *loader) parseModule(dir string) (*module, bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		l.diag(document.Errorf(document.Location{File: slash(dir)}, "reading module directory: %v", err))
		return nil, false
	}
	m := &module{dir: dir, variables: map[string]*variable{}, locals: map[string]*hcl.Attribute{},
		byAddr: map[string]*resource{}, types: map[string]bool{}, callsByNm: map[string]*call{},
		outputs: map[string]*hcl.Attribute{}, providers: map[string]string{}}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, ".") || !(strings.HasSuffix(n, ".tf") || strings.HasSuffix(n, ".tf.json")) {
			continue
		}
		if base := strings.TrimSuffix(strings.TrimSuffix(n, ".json"), ".tf"); base == "override" || strings.HasSuffix(base, "_override") {
			l.diag(document.Diagnostic{Severity: document.Warning, Location: document.Location{File: slash(filepath.Join(dir, n))},
				Summary: "override files are not merged: this file is not checked"})
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f := l.parseFile(filepath.Join(dir, n))
		if f != nil {
			m.add(l, f)
		}
	}
	return m, true
}

// parseFile parses one HCL or HCL JSON file, reporting syntax errors.
func (l *loader) parseFile(name string) *hcl.File {
	data, ok := l.readFile(name)
	if !ok {
		return nil
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	fn := slash(name)
	if strings.HasSuffix(name, ".json") {
		f, diags = l.parser.ParseJSON(data, fn)
	} else {
		f, diags = l.parser.ParseHCL(data, fn)
	}
	l.hclDiags(diags)
	if diags.HasErrors() {
		return nil
	}
	return f
}

func (l *loader) readFile(name string) ([]byte, bool) {
	fi, err := os.Stat(name)
	if err != nil {
		l.diag(document.Errorf(document.Location{File: slash(name)}, "%v", err))
		return nil, false
	}
	if fi.Size() > maxFileSize {
		l.diag(document.Errorf(document.Location{File: slash(name)}, "file is larger than %d MiB", maxFileSize>>20))
		return nil, false
	}
	data, err := os.ReadFile(name)
	if err != nil {
		l.diag(document.Errorf(document.Location{File: slash(name)}, "%v", err))
		return nil, false
	}
	return data, true
}

func (m *module) add(l *loader, f *hcl.File) {
	content, _, diags := f.Body.PartialContent(topSchema)
	l.hclDiags(diags)
	for _, b := range content.Blocks {
		switch b.Type {
		case "terraform":
			m.addTerraform(l, b)
		case "variable":
			m.addVariable(l, b)
		case "locals":
			attrs, diags := b.Body.JustAttributes()
			l.hclDiags(diags)
			for name, a := range attrs {
				if _, dup := m.locals[name]; dup {
					l.diag(diagAt(a.NameRange, "duplicate local value %q", name))
					continue
				}
				m.locals[name] = a
			}
		case "resource", "data":
			m.addResource(l, b)
		case "module":
			m.addCall(l, b)
		case "output":
			attrs, diags := b.Body.JustAttributes()
			l.hclDiags(filterUnsupported(diags))
			if a, ok := attrs["value"]; ok {
				m.outputs[b.Labels[0]] = a
			}
		}
	}
}

// filterUnsupported drops the complaints of JustAttributes about nested
// blocks (an output's precondition, say), which this loader ignores.
func filterUnsupported(diags hcl.Diagnostics) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		if d.Summary != "Unexpected \"precondition\" block" && d.Summary != "Unexpected \"validation\" block" {
			out = append(out, d)
		}
	}
	return out
}

func (m *module) addTerraform(l *loader, b *hcl.Block) {
	content, _, _ := b.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "required_providers"}}})
	for _, rp := range content.Blocks {
		attrs, diags := rp.Body.JustAttributes()
		l.hclDiags(diags)
		for name, a := range attrs {
			v, diags := a.Expr.Value(nil)
			if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute("source") {
				continue
			}
			src := v.GetAttr("source")
			if src.Type() == cty.String && !src.IsNull() {
				s := src.AsString()
				m.providers[name] = s[strings.LastIndexByte(s, '/')+1:]
			}
		}
	}
}

func (m *module) addVariable(l *loader, b *hcl.Block) {
	content, _, diags := b.Body.PartialContent(variableSchema)
	l.hclDiags(diags)
	v := &variable{name: b.Labels[0], typ: cty.DynamicPseudoType, def: cty.NilVal, nullable: true, loc: loc(b.DefRange)}
	if a, ok := content.Attributes["type"]; ok {
		ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(a.Expr)
		l.hclDiags(diags)
		if !diags.HasErrors() {
			v.typ, v.defaults = ty, defaults
		}
		// Terraform reads -var and TF_VAR_ values as literal strings
		// where the variable has no type or a primitive one, and as HCL
		// expressions otherwise (any included).
		v.parseAsHCL = !ty.IsPrimitiveType()
	}
	if a, ok := content.Attributes["nullable"]; ok {
		if nv, diags := a.Expr.Value(nil); !diags.HasErrors() && nv.Type() == cty.Bool && nv.IsKnown() && !nv.IsNull() {
			v.nullable = nv.True()
		}
	}
	if a, ok := content.Attributes["default"]; ok {
		dv, diags := a.Expr.Value(nil)
		l.hclDiags(diags)
		if !diags.HasErrors() {
			v.def = dv
		}
	}
	if _, dup := m.variables[v.name]; dup {
		l.diag(diagAt(b.DefRange, "duplicate variable %q", v.name))
		return
	}
	m.variables[v.name] = v
}

func (m *module) addResource(l *loader, b *hcl.Block) {
	content, body, diags := b.Body.PartialContent(resourceMeta)
	l.hclDiags(diags)
	r := &resource{mode: document.Managed, typ: b.Labels[0], name: b.Labels[1], body: body, loc: loc(b.DefRange)}
	r.addr = r.typ + "." + r.name
	if b.Type == "data" {
		r.mode = document.Data
		r.addr = "data." + r.addr
	}
	if a, ok := content.Attributes["count"]; ok {
		r.count = a.Expr
	}
	if a, ok := content.Attributes["for_each"]; ok {
		r.forEach = a.Expr
	}
	local := r.typ
	if i := strings.IndexByte(local, '_'); i > 0 {
		local = local[:i]
	}
	if a, ok := content.Attributes["provider"]; ok {
		if t, diags := hcl.AbsTraversalForExpr(a.Expr); !diags.HasErrors() {
			local = t.RootName()
		}
	}
	r.provider = local
	if src, ok := m.providers[local]; ok {
		r.provider = src
	}
	if r.count != nil && r.forEach != nil {
		l.diag(diagAt(b.DefRange, "%s has both count and for_each", r.addr))
		return
	}
	if _, dup := m.byAddr[r.addr]; dup {
		l.diag(diagAt(b.DefRange, "duplicate resource %s", r.addr))
		return
	}
	r.vars = bodyVariables(b.Body)
	m.byAddr[r.addr] = r
	if r.mode == document.Managed {
		m.types[r.typ] = true
	}
	m.resources = append(m.resources, r)
}

func (m *module) addCall(l *loader, b *hcl.Block) {
	attrs, diags := b.Body.JustAttributes()
	l.hclDiags(filterUnsupported(diags))
	c := &call{name: b.Labels[0], loc: loc(b.DefRange), args: map[string]*hcl.Attribute{}}
	if a, ok := attrs["source"]; ok {
		if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			c.source = v.AsString()
		}
	}
	if a, ok := attrs["version"]; ok {
		if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			c.version = v.AsString()
		} else {
			c.version = "?" // not a constant: no version can be assumed
		}
	}
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		for _, nb := range sb.Blocks {
			c.blocks = append(c.blocks, nb.Type)
		}
	}
	if c.source == "" {
		l.diag(diagAt(b.DefRange, "module %q has no constant source", c.name))
		return
	}
	if a, ok := attrs["count"]; ok {
		c.count = a.Expr
	}
	if a, ok := attrs["for_each"]; ok {
		c.forEach = a.Expr
	}
	for name, a := range attrs {
		c.argVars = append(c.argVars, a.Expr.Variables()...)
		if !moduleMeta[name] {
			c.args[name] = a
		}
	}
	if _, dup := m.callsByNm[c.name]; dup {
		l.diag(diagAt(b.DefRange, "duplicate module call %q", c.name))
		return
	}
	m.callsByNm[c.name] = c
	m.calls = append(m.calls, c)
}

// bodyVariables returns every reference made inside a body, nested blocks
// and dynamic blocks included.
func bodyVariables(body hcl.Body) []hcl.Traversal {
	if sb, ok := body.(*hclsyntax.Body); ok {
		var out []hcl.Traversal
		for _, a := range sb.Attributes {
			out = append(out, a.Expr.Variables()...)
		}
		for _, b := range sb.Blocks {
			out = append(out, bodyVariables(b.Body)...)
		}
		return out
	}
	attrs, _ := body.JustAttributes()
	var out []hcl.Traversal
	for _, a := range attrs {
		out = append(out, a.Expr.Variables()...)
	}
	return out
}

// isLocalSource reports whether a module source is a path in this tree.
func isLocalSource(s string) bool {
	return strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") || s == "." || s == ".."
}

// installed reads .terraform/modules/modules.json of a root module: call
// path ("a.b") → directory, relative to the root module.
func installed(root string) map[string]string {
	data, err := os.ReadFile(filepath.Join(root, ".terraform", "modules", "modules.json"))
	if err != nil || len(data) > maxFileSize {
		return nil
	}
	var manifest struct {
		Modules []struct{ Key, Source, Dir string }
	}
	if json.Unmarshal(data, &manifest) != nil {
		return nil
	}
	out := map[string]string{}
	for _, m := range manifest.Modules {
		if m.Key != "" && m.Dir != "" {
			out[m.Key] = m.Dir
		}
	}
	return out
}

// resolveCalls attaches the child module of every call, recursively. stack
// holds the cleaned directories of the callers, to refuse recursion.
func (l *loader) resolveCalls(m *module, keyPath string, stack []string, depth int) {
	for _, c := range m.calls {
		key := c.name
		if keyPath != "" {
			key = keyPath + "." + c.name
		}
		var dir string
		switch {
		case l.installed[key] != "":
			dir = filepath.Join(l.rootDir, filepath.FromSlash(l.installed[key]))
		case isLocalSource(c.source):
			dir = filepath.Join(m.dir, filepath.FromSlash(c.source))
		default:
			mm, why := l.modelFor(c)
			if mm == nil {
				detail := "run terraform init (or terraform get) so that .terraform/modules/modules.json lists it"
				if why != "" {
					detail = why + "; " + detail
				}
				l.diag(document.Diagnostic{Severity: document.Warning, Location: c.loc,
					Summary: fmt.Sprintf("module %q (source %q) is not installed: its resources are not checked", key, c.source),
					Detail:  detail})
				continue
			}
			l.diag(document.Diagnostic{Severity: document.Warning, Location: c.loc,
				Summary: fmt.Sprintf("module %q (source %q) is not installed: judged with soc2scan's model of versions %s, so results are approximate", key, c.source, mm.label),
				Detail:  "the model creates the resources the real module would create from these arguments, as far as the rules look; run terraform init (or terraform get) for exact results"})
			c.child = l.parseModel(mm)
			continue
		}
		if depth+1 > maxModuleDepth {
			l.diag(document.Errorf(c.loc, "module %q is nested more than %d deep", key, maxModuleDepth))
			continue
		}
		clean := canonical(dir)
		if i := indexOf(stack, clean); i >= 0 {
			l.diag(document.Errorf(c.loc, "module %q calls its own directory %s recursively", key, slash(dir)))
			continue
		}
		child, ok := l.parsed[clean]
		if !ok {
			child, ok = l.parseModule(dir)
			if !ok {
				continue
			}
			l.parsed[clean] = child
		}
		// A child module may be called from several places; its calls are
		// resolved once per call path because modules.json is keyed by it.
		cc := *child
		cc.calls = nil
		cc.callsByNm = map[string]*call{}
		for _, gc := range child.calls {
			dup := *gc
			cc.calls = append(cc.calls, &dup)
			cc.callsByNm[dup.name] = &dup
		}
		c.child = &cc
		l.resolveCalls(c.child, key, append(stack, clean), depth+1)
	}
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// canonical returns an absolute path with symbolic links resolved, to
// recognise a directory however it is reached.
func canonical(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return dir
}

func slash(p string) string { return filepath.ToSlash(p) }

func loc(r hcl.Range) document.Location {
	return document.Location{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column}
}

func diagAt(r hcl.Range, format string, args ...any) document.Diagnostic {
	return document.Errorf(loc(r), format, args...)
}

// Roots returns, of a set of directories that hold .tf files, those that no
// other of them calls as a local module: the root modules to load. The
// order of dirs is kept.
func Roots(dirs []string) []string {
	called := map[string]bool{}
	p := hclparse.NewParser()
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || !(strings.HasSuffix(n, ".tf") || strings.HasSuffix(n, ".tf.json")) {
				continue
			}
			name := filepath.Join(dir, n)
			if fi, err := os.Stat(name); err != nil || fi.Size() > maxFileSize {
				continue
			}
			var f *hcl.File
			if strings.HasSuffix(n, ".json") {
				f, _ = p.ParseJSONFile(name)
			} else {
				f, _ = p.ParseHCLFile(name)
			}
			if f == nil {
				continue
			}
			content, _, _ := f.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "module", LabelNames: []string{"name"}}}})
			for _, b := range content.Blocks {
				attrs, _ := b.Body.JustAttributes()
				a, ok := attrs["source"]
				if !ok {
					continue
				}
				v, diags := a.Expr.Value(nil)
				if diags.HasErrors() || v.Type() != cty.String || !v.IsKnown() || v.IsNull() || !isLocalSource(v.AsString()) {
					continue
				}
				called[canonical(filepath.Join(dir, filepath.FromSlash(v.AsString())))] = true
			}
		}
	}
	var out []string
	for _, dir := range dirs {
		if !called[canonical(dir)] {
			out = append(out, dir)
		}
	}
	return out
}
