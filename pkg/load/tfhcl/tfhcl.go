// Package tfhcl loads a Terraform root module from its HCL source (.tf and
// .tf.json files) into the same normalised document as a plan of it, so
// that one rule gives the same answer on both.
//
// It evaluates the module as Terraform would while planning: variables
// (defaults, tfvars files, -var, TF_VAR_), locals, count and for_each,
// dynamic blocks, Terraform's functions, and local or installed modules
// with their inputs and outputs. What Terraform would know only after apply
// (an ARN, an id, timestamp(), data sources) is unknown, never guessed.
// References are marks on values: an attribute refers to every resource
// instance its value was computed from, through locals, module inputs and
// outputs.
//
// Without the providers' schemas, a resource holds the attributes and blocks
// its configuration sets, as written: nested blocks become lists of objects
// (the plan's shape), numbers float64 (as tfplan decodes them), and an
// attribute the configuration leaves out is absent rather than the
// provider's default, which rules treat alike.
package tfhcl

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/soc2scan/soc2scan/pkg/document"
)

// Format is the document format of a module loaded from HCL.
const Format = "hcl"

// Options for loading a module.
type Options struct {
	// Root is the scanned tree: file(), templatefile() and the like read
	// only inside it. Empty means the module directory.
	Root string
	// VarFiles are --var-file files, in order; later ones win.
	VarFiles []string
	// Vars are --var name=value values, parsed as Terraform parses -var:
	// literal strings for variables of primitive type, HCL otherwise.
	Vars map[string]string
	// Env is the environment in os.Environ form, for TF_VAR_name values;
	// nil reads none.
	Env []string
}

// Result is a loaded module with what the document cannot hold.
type Result struct {
	Document *document.Document
	// Via maps the ID of each resource inside a module call to the module
	// blocks that lead to it, outermost first: the call chain of its
	// location ("via main.tf:10").
	Via map[string][]document.Location
}

// Load evaluates the root module in dir — all its .tf and .tf.json files,
// terraform.tfvars and *.auto.tfvars — with the modules it calls, into one
// document. The document is nil only when dir cannot be read; syntax and
// evaluation errors leave out what they affect and are reported.
func Load(ctx context.Context, dir string, opts Options) (*document.Document, document.Diagnostics) {
	r, diags := Evaluate(ctx, dir, opts)
	if r == nil {
		return nil, diags
	}
	return r.Document, diags
}

// Evaluate is Load with the module call chains of the resources.
func Evaluate(ctx context.Context, dir string, opts Options) (res *Result, diags document.Diagnostics) {
	// A panic in the evaluation of a hostile configuration is a bug, and
	// must not take the scan down with it: it becomes an error.
	defer func() {
		if p := recover(); p != nil {
			res = nil
			diags = append(diags, document.Errorf(document.Location{File: slash(dir)}, "internal error loading the module: %v", p))
		}
	}()
	l := &loader{ctx: ctx, opts: opts, rootDir: filepath.Clean(dir), parser: hclparse.NewParser(),
		parsed: map[string]*module{}, seenDiag: map[string]bool{}}
	root := opts.Root
	if root == "" {
		root = dir
	}
	l.confineRoot = canonical(root)
	l.funcs = l.functions()
	l.installed = installed(dir)

	m, ok := l.parseModule(l.rootDir)
	if !ok {
		return nil, l.sorted()
	}
	l.parsed[canonical(l.rootDir)] = m
	l.resolveCalls(m, "", []string{canonical(l.rootDir)}, 0)
	names := map[string]bool{}
	l.collectRefNames(m, map[*module]bool{}, names)
	for n := range names {
		l.refNames = append(l.refNames, n)
	}
	sort.Strings(l.refNames)

	mi := l.newInstance(m, "", l.rootVariables(m), nil)
	mi.run()
	doc := &document.Document{Kind: document.Terraform, Format: Format, Source: slash(dir)}
	res = &Result{Document: doc, Via: map[string][]document.Location{}}
	mi.collect(doc, res.Via)
	if err := ctx.Err(); err != nil {
		l.diag(document.Errorf(document.Location{File: slash(dir)}, "loading stopped: %v", err))
	}
	return res, l.sorted()
}

// loader is the state of one Load.
type loader struct {
	ctx         context.Context
	opts        Options
	rootDir     string
	confineRoot string
	parser      *hclparse.Parser
	parsed      map[string]*module // by canonical directory
	installed   map[string]string  // modules.json: call path → directory
	funcs       map[string]function.Function
	modelFuncs  map[string]function.Function // funcs and unknown(), built on first use
	refNames    []string
	resources   int
	modules     int
	depth       int // of nested evaluations: a chain of references
	diags       document.Diagnostics
	seenDiag    map[string]bool
}

// enter starts the evaluation of a value that another is waiting for. A
// chain of references (local.a1 = local.a2, ... ) nests evaluations; past
// maxDepth it is an error rather than a stack overflow.
func (l *loader) enter(at document.Location) bool {
	if l.depth >= maxDepth {
		l.diag(document.Errorf(at, "references are chained more than %d deep", maxDepth))
		return false
	}
	l.depth++
	return true
}

func (l *loader) leave() { l.depth-- }

func (l *loader) diag(d document.Diagnostic) {
	// Instances of one block repeat its diagnostics; one is enough.
	key := d.Error()
	if l.seenDiag[key] {
		return
	}
	l.seenDiag[key] = true
	l.diags = append(l.diags, d)
}

func (l *loader) warn(r hcl.Range, format string, args ...any) {
	l.diag(document.Diagnostic{Severity: document.Warning, Location: loc(r), Summary: fmt.Sprintf(format, args...)})
}

func (l *loader) hclDiags(diags hcl.Diagnostics) {
	for _, d := range diags {
		out := document.Diagnostic{Severity: document.Error, Summary: d.Summary, Detail: d.Detail}
		if d.Severity == hcl.DiagWarning {
			out.Severity = document.Warning
		}
		if d.Subject != nil {
			out.Location = loc(*d.Subject)
		}
		if out.Location.File == "" {
			out.Location.File = slash(l.rootDir)
		}
		l.diag(out)
	}
}

func (l *loader) sorted() document.Diagnostics {
	l.diags.Sort()
	return l.diags
}

// rawValue is a variable value before its type is known: HCL source or an
// expression from a tfvars file.
type rawValue struct {
	expr hcl.Expression // from a file
	text string         // from -var or the environment
	at   document.Location
}

// rootVariables gathers the root module's variable values in Terraform's
// order of precedence, lowest first: environment, terraform.tfvars(.json),
// *.auto.tfvars(.json) in name order, var files, -var.
func (l *loader) rootVariables(m *module) map[string]cty.Value {
	raw := map[string]rawValue{}
	for _, kv := range l.opts.Env {
		k, v, ok := strings.Cut(kv, "=")
		if name, isVar := strings.CutPrefix(k, "TF_VAR_"); ok && isVar {
			raw[name] = rawValue{text: v, at: document.Location{File: "TF_VAR_" + name}}
		}
	}
	files := []string{filepath.Join(l.rootDir, "terraform.tfvars"), filepath.Join(l.rootDir, "terraform.tfvars.json")}
	if entries, err := os.ReadDir(l.rootDir); err == nil {
		for _, e := range entries {
			if n := e.Name(); !e.IsDir() && (strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json")) {
				files = append(files, filepath.Join(l.rootDir, n))
			}
		}
	}
	for i, f := range files {
		if _, err := os.Stat(f); err != nil && i < 2 {
			continue
		}
		l.varFile(f, m, raw)
	}
	for _, f := range l.opts.VarFiles {
		l.varFile(f, m, raw)
	}
	for k, v := range l.opts.Vars {
		raw[k] = rawValue{text: v, at: document.Location{File: "--var " + k}}
	}

	vals := map[string]cty.Value{}
	for name, v := range m.variables {
		r, set := raw[name]
		switch {
		case set && r.expr != nil:
			val, diags := r.expr.Value(nil)
			l.hclDiags(diags)
			if diags.HasErrors() {
				vals[name] = cty.UnknownVal(v.typ)
				continue
			}
			vals[name] = l.finalize(v, val, r.at)
		case set && v.parseAsHCL:
			expr, diags := hclsyntax.ParseExpression([]byte(r.text), r.at.File, hcl.Pos{Line: 1, Column: 1})
			l.hclDiags(diags)
			if diags.HasErrors() {
				vals[name] = cty.UnknownVal(v.typ)
				continue
			}
			val, diags := expr.Value(nil)
			l.hclDiags(diags)
			if diags.HasErrors() {
				vals[name] = cty.UnknownVal(v.typ)
				continue
			}
			vals[name] = l.finalize(v, val, r.at)
		case set:
			vals[name] = l.finalize(v, cty.StringVal(r.text), r.at)
		case v.def != cty.NilVal:
			vals[name] = l.finalize(v, v.def, v.loc)
		default:
			// Terraform would ask; a scan cannot, so the value is unknown.
			vals[name] = cty.UnknownVal(v.typ)
		}
	}
	return vals
}

// varFile reads a .tfvars or .tfvars.json file into raw.
func (l *loader) varFile(name string, m *module, raw map[string]rawValue) {
	f := l.parseFile(name)
	if f == nil {
		return
	}
	attrs, diags := f.Body.JustAttributes()
	l.hclDiags(diags)
	for n, a := range attrs {
		if _, declared := m.variables[n]; !declared {
			l.warn(a.NameRange, "value for undeclared variable %q", n)
			continue
		}
		raw[n] = rawValue{expr: a.Expr, at: loc(a.NameRange)}
	}
}
