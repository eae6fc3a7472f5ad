// Package engine compiles the SOC 2 rules once — built-in and user-written,
// with metadata from their # METADATA annotations — and evaluates them
// against documents in parallel: the rules are split into groups by
// service, evaluated in parallel, so even a single large document (all the
// Kubernetes manifests of a scan) keeps every core busy. OPA plans the
// rules' queries and irvm runs the plans (plan.go); what irvm does not
// run goes to OPA's evaluator.
//
// A rule is a Rego v1 package under soc2scan.rules. with a package
// annotation (title, description, custom.id, custom.severity,
// custom.criteria, custom.resource_types, custom.remediation) and a deny set
// of {"resource": id, "message": text}; it may define an unknown set of the
// same shape for resources whose verdict waits on values known only after
// apply. Every resource of a listed resource type that a rule does not deny
// has passed it.
package engine

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/soc2scan/soc2scan"
	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/engine/internal/irvm"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// Option configures an Engine.
type Option func(*options)

type options struct {
	builtins bool
	dirs     []string
	fsys     []namedFS
	scope    *soc2.Scope
	disabled []string
	topdown  bool
}

type namedFS struct {
	fsys fs.FS
	name string
}

// WithScope runs only the rules that give evidence for at least one
// criterion in scope: a rule whose criteria all fall in categories the
// organisation left out of its audit is not run.
func WithScope(scope soc2.Scope) Option {
	return func(o *options) { o.scope = &scope }
}

// WithDisabled leaves out the rules with these ids (the project's
// disabled_rules). An id that names no rule is an error of New.
func WithDisabled(ids ...string) Option {
	return func(o *options) { o.disabled = append(o.disabled, ids...) }
}

// WithoutBuiltins leaves the built-in rules out; the shared library under
// rego/ stays available to user rules.
func WithoutBuiltins() Option {
	return func(o *options) { o.builtins = false }
}

// WithPolicyDir adds the .rego files below dir (tests excluded) as user
// rules and library modules. It may be given more than once.
func WithPolicyDir(dir string) Option {
	return func(o *options) { o.dirs = append(o.dirs, dir) }
}

// WithPolicyFS adds the .rego files of fsys as user rules; name prefixes
// their file names in messages.
func WithPolicyFS(fsys fs.FS, name string) Option {
	return func(o *options) { o.fsys = append(o.fsys, namedFS{fsys: fsys, name: name}) }
}

// Engine evaluates compiled rules. It is safe for concurrent use.
type Engine struct {
	rules []*Rule
	diags document.Diagnostics
	// groups share the rules out; each group's query binds r<i> to rule
	// i's deny set and u<i> to its unknown set.
	groups   []group
	compiler *ast.Compiler

	single  sync.Mutex
	perRule map[int]*rego.PreparedEvalQuery // lazily, to find which rule failed
	workers int
	topdown bool // OPA's evaluator only, no plans (tests compare the two)

	planMu sync.Mutex // held while preparing groups
}

// New loads and compiles the rules. User rule files that cannot be parsed,
// lack valid metadata or fail to compile are left out and reported by
// Diagnostics; every other rule still runs. New fails when a user policy
// directory cannot be read or a built-in rule is broken.
func New(ctx context.Context, opts ...Option) (*Engine, error) {
	o := options{builtins: true}
	for _, opt := range opts {
		opt(&o)
	}
	var srcs []source
	lib, err := readSources(soc2scan.Rules, "rego", "", true)
	if err != nil {
		return nil, fmt.Errorf("reading built-in library: %w", err)
	}
	srcs = append(srcs, lib...)
	if o.builtins {
		pol, err := readSources(soc2scan.Rules, "policies", "", true)
		if err != nil {
			return nil, fmt.Errorf("reading built-in rules: %w", err)
		}
		srcs = append(srcs, pol...)
	}
	for _, dir := range o.dirs {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("policy directory: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("policy directory %s is not a directory", dir)
		}
		user, err := readSources(os.DirFS(dir), ".", dir, false)
		if err != nil {
			return nil, fmt.Errorf("reading policy directory %s: %w", dir, err)
		}
		srcs = append(srcs, user...)
	}
	for _, n := range o.fsys {
		user, err := readSources(n.fsys, ".", n.name, false)
		if err != nil {
			return nil, fmt.Errorf("reading policies %s: %w", n.name, err)
		}
		srcs = append(srcs, user...)
	}

	e := &Engine{perRule: map[int]*rego.PreparedEvalQuery{}, workers: runtime.GOMAXPROCS(0), topdown: o.topdown}
	if err := e.compile(srcs); err != nil {
		return nil, err
	}
	for _, id := range o.disabled {
		if !slices.ContainsFunc(e.rules, func(r *Rule) bool { return r.ID == id }) {
			return nil, fmt.Errorf("disabled rule %s: no rule has this id", id)
		}
	}
	e.rules = slices.DeleteFunc(e.rules, func(r *Rule) bool {
		return slices.Contains(o.disabled, r.ID) || (o.scope != nil && !slices.ContainsFunc(r.Criteria, o.scope.Includes))
	})
	if err := e.prepare(); err != nil {
		return nil, err
	}
	return e, nil
}

// Rules returns the rules that loaded, sorted by ID.
func (e *Engine) Rules() []*Rule {
	out := make([]*Rule, len(e.rules))
	copy(out, e.rules)
	return out
}

// Diagnostics returns the problems found in user rule files, which were
// left out.
func (e *Engine) Diagnostics() document.Diagnostics {
	return e.diags
}

func (e *Engine) compile(srcs []source) error {
	mods := map[string]*ast.Module{}
	builtin := map[string]bool{}
	var rules []*Rule
	// Parsing is a third of start-up, and files parse independently.
	parsed := make([]*ast.Module, len(srcs))
	errs := make([]error, len(srcs))
	forEach(len(srcs), e.workers, func(i int) {
		parsed[i], errs[i] = ast.ParseModuleWithOpts(srcs[i].file, srcs[i].text,
			ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
	})
	for i, s := range srcs {
		m, err := parsed[i], errs[i]
		if err != nil {
			if s.builtin {
				return fmt.Errorf("built-in rule %s: %w", s.file, err)
			}
			e.diags = append(e.diags, parseDiagnostics(s.file, err)...)
			continue
		}
		r, isRule, diags := ruleFromModule(s.file, m, s.builtin)
		if len(diags) > 0 {
			if s.builtin {
				return fmt.Errorf("built-in rule: %w", errors.Join(diagErrors(diags)...))
			}
			e.diags = append(e.diags, diags...)
			continue
		}
		mods[s.file] = m
		builtin[s.file] = s.builtin
		if isRule {
			rules = append(rules, r)
		}
	}
	rules, diags := checkIDs(rules)
	for _, d := range diags {
		delete(mods, d.Location.File)
	}
	e.diags = append(e.diags, diags...)

	// Compile; drop the files that fail and try again, so one broken user
	// rule never stops the others. Each round drops at least one file.
	caps := Capabilities()
	for {
		c := ast.NewCompiler().WithCapabilities(caps)
		c.Compile(mods)
		if !c.Failed() {
			e.compiler = c
			break
		}
		dropped := false
		for _, ce := range c.Errors {
			file := ""
			if ce.Location != nil {
				file = ce.Location.File
			}
			if _, ok := mods[file]; !ok {
				continue
			}
			if builtin[file] {
				return fmt.Errorf("built-in rule %s does not compile: %v", file, ce)
			}
			e.diags = append(e.diags, ruleError(ce))
			delete(mods, file)
			dropped = true
		}
		if !dropped {
			return fmt.Errorf("compiling rules: %v", c.Errors)
		}
	}
	for _, r := range rules {
		if _, ok := mods[r.File]; ok {
			e.rules = append(e.rules, r)
		}
	}
	sort.Slice(e.rules, func(i, j int) bool { return e.rules[i].ID < e.rules[j].ID })
	e.diags.Sort()
	return nil
}

func parseDiagnostics(file string, err error) document.Diagnostics {
	var errs ast.Errors
	if errors.As(err, &errs) {
		var out document.Diagnostics
		for _, e := range errs {
			d := ruleError(e)
			if d.Location.File == "" {
				d.Location.File = file
			}
			out = append(out, d)
		}
		return out
	}
	return document.Diagnostics{document.Errorf(document.Location{File: file}, "%v", err)}
}

func diagErrors(ds document.Diagnostics) []error {
	out := make([]error, len(ds))
	for i, d := range ds {
		out[i] = d
	}
	return out
}

// Capabilities returns OPA's built-ins minus those that reach the network
// or the process environment: scanned files are untrusted and rules may be
// third-party. Pure built-ins such as net.cidr_contains stay.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	denied := map[string]bool{
		"http.send":          true,
		"net.lookup_ip_addr": true,
		"opa.runtime":        true,
	}
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if !denied[b.Name] {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	return caps
}

// ruleQuery returns the query expressions binding rule i's sets.
func ruleQuery(i int, r *Rule) string {
	q := fmt.Sprintf("r%d = data.%s.deny", i, r.Package)
	if r.hasUnknown {
		q += fmt.Sprintf("\nu%d = data.%s.unknown", i, r.Package)
	}
	return q
}

// group is the rules of one service (soc2scan.rules.aws.s3) with the
// query that evaluates them together: library rules and function calls
// that the service's rules share (tf.related on the same buckets,
// aws.internet_ingress_rules) are evaluated once per group.
//
// A group's query is prepared the first time a document needs it: a scan
// runs the few services its documents hold, and planning a query costs
// milliseconds, which every start-up would otherwise pay for all of them.
type group struct {
	rules []int // indexes into Engine.rules
	query string

	ready bool // prepared (Engine.prepareGroups)
	// The group runs as the functions fns of the plan prog (deny and
	// unknown of each rule, -1 for none) or else as query, by OPA's
	// evaluator, prepared only for what irvm does not run.
	prog     *irvm.Program
	fns      []int
	prepared *rego.PreparedEvalQuery
}

// prepare groups the rules by service and builds each group's query.
func (e *Engine) prepare() error {
	byService := map[string]int{}
	var parts [][]string
	for i, r := range e.rules {
		service := r.Package[:max(0, strings.LastIndex(r.Package, "."))]
		g, ok := byService[service]
		if !ok {
			g = len(e.groups)
			byService[service] = g
			e.groups = append(e.groups, group{})
			parts = append(parts, nil)
		}
		e.groups[g].rules = append(e.groups[g].rules, i)
		parts[g] = append(parts[g], ruleQuery(i, r))
	}
	for g := range e.groups {
		e.groups[g].query = strings.Join(parts[g], "\n")
		if _, err := ast.ParseBody(e.groups[g].query); err != nil {
			return fmt.Errorf("building the rule query: %w", err)
		}
	}
	return nil
}

// prepareGroups prepares the evaluation of the groups a document needs
// that are not prepared yet: all of them in one plan (planning walks every
// compiled rule, so a plan per group would cost several times as much),
// else — when a rule holds what irvm does not run — each group in a plan
// of its own, else by OPA's evaluator. A group left without any runs its
// rules one by one (evaluateGroup), each failure reported by rule.
func (e *Engine) prepareGroups(run []int) {
	e.planMu.Lock()
	defer e.planMu.Unlock()
	var todo []int
	for _, g := range run {
		if !e.groups[g].ready {
			todo = append(todo, g)
		}
	}
	if len(todo) == 0 {
		return
	}
	ctx := context.Background()
	if !e.topdown {
		parts := make([]string, len(todo))
		for k, g := range todo {
			parts[k] = e.groups[g].query
		}
		prog, err := planQuery(ctx, e.compiler, strings.Join(parts, "\n"))
		for _, g := range todo {
			if err == nil {
				e.usePlan(&e.groups[g], prog)
			}
			if !e.groups[g].ready && len(todo) > 1 {
				if own, err := planQuery(ctx, e.compiler, e.groups[g].query); err == nil {
					e.usePlan(&e.groups[g], own)
				}
			}
		}
	}
	for _, g := range todo {
		grp := &e.groups[g]
		if grp.ready {
			continue
		}
		grp.ready = true
		if q, err := rego.New(rego.Query(grp.query), rego.Compiler(e.compiler)).PrepareForEval(ctx); err == nil {
			grp.prepared = &q
		}
	}
}

// usePlan makes g run as the functions of its rules in prog.
func (e *Engine) usePlan(g *group, prog *irvm.Program) {
	if fns, ok := ruleFuncs(prog, e.rules, g.rules); ok {
		g.prog, g.fns, g.ready = prog, fns, true
	}
}

// ruleFuncs returns the plan's functions for the deny and unknown sets of
// rules (indexes into all), -1 for a rule without an unknown set.
func ruleFuncs(prog *irvm.Program, all []*Rule, rules []int) ([]int, bool) {
	fns := make([]int, 0, 2*len(rules))
	for _, i := range rules {
		deny, ok := prog.Func(all[i].Package + ".deny")
		if !ok {
			return nil, false
		}
		unknown := -1
		if all[i].hasUnknown {
			if unknown, ok = prog.Func(all[i].Package + ".unknown"); !ok {
				return nil, false
			}
		}
		fns = append(fns, deny, unknown)
	}
	return fns, true
}

// schedule returns the groups to run on a document, costliest first: a
// group whose rules' resource types the document does not hold cannot
// check or find anything there and is left out (most of the library, for
// a Kubernetes or a small Terraform document). A group's cost is the
// number of resources its rules look at, so the long ones start first and
// the short ones fill the cores up at the end.
func (e *Engine) schedule(doc *document.Document) []int {
	count := map[string]int{}
	for i := range doc.Resources {
		count[doc.Resources[i].Type]++
	}
	cost := make([]int, len(e.groups))
	var run []int
	for g := range e.groups {
		for _, i := range e.groups[g].rules {
			for _, t := range e.rules[i].ResourceTypes {
				cost[g] += count[t]
			}
		}
		if cost[g] > 0 {
			run = append(run, g)
		}
	}
	slices.SortStableFunc(run, func(a, b int) int { return cmp.Compare(cost[b], cost[a]) })
	return run
}

// ruleQueryFor prepares the query of rule i alone.
func (e *Engine) ruleQueryFor(ctx context.Context, i int) (*rego.PreparedEvalQuery, error) {
	e.single.Lock()
	defer e.single.Unlock()
	if q, ok := e.perRule[i]; ok {
		return q, nil
	}
	body, err := ast.ParseBody(ruleQuery(i, e.rules[i]))
	if err != nil {
		return nil, err
	}
	q, err := rego.New(rego.ParsedQuery(body), rego.Compiler(e.compiler)).PrepareForEval(ctx)
	if err != nil {
		return nil, err
	}
	e.perRule[i] = &q
	return &q, nil
}

// Result is what the rules found in one document.
type Result struct {
	Findings []report.Finding
	Checks   []report.Check
	Errors   []report.Error
}

// Evaluate runs every rule on every document, documents in parallel on all
// cores, and returns one result per document, in the order given.
func (e *Engine) Evaluate(ctx context.Context, docs []*document.Document) ([]Result, error) {
	results := make([]Result, len(docs))
	sem := make(chan struct{}, e.workers)
	var wg sync.WaitGroup
	for i, doc := range docs {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return nil, ctx.Err()
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i] = e.evaluate(ctx, doc)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return results, nil
}

// ruleOutput is one rule's deny and unknown sets, as Rego returned them
// (terms, see asTerm).
type ruleOutput struct {
	deny, unknown any
}

// outputOf reads rule i's sets from the bindings ruleQuery names.
func outputOf(b rego.Vars, i int) ruleOutput {
	return ruleOutput{deny: b["r"+strconv.Itoa(i)], unknown: b["u"+strconv.Itoa(i)]}
}

// asTerm makes a query hand back its bindings as the terms the evaluator
// built: collect reads them directly, where turning every finding into Go
// maps first cost a tenth of the evaluation of a large Kubernetes scan.
var asTerm = rego.EvalGenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil })

func (e *Engine) evaluate(ctx context.Context, doc *document.Document) Result {
	var res Result
	run := e.schedule(doc)
	if len(run) == 0 {
		return res
	}
	e.prepareGroups(run)
	input, err := inputValue(doc)
	if err != nil {
		res.Errors = append(res.Errors, report.Error{Source: doc.Source, Message: fmt.Sprintf("building rule input: %v", err)})
		return res
	}
	outputs := make([]ruleOutput, len(e.rules))
	errs := make([][]report.Error, len(run))
	forEach(len(run), e.workers, func(k int) {
		errs[k] = e.evaluateGroup(ctx, &e.groups[run[k]], doc, input, outputs)
	})
	for _, ge := range errs {
		res.Errors = append(res.Errors, ge...)
	}
	if err := ctx.Err(); err != nil {
		res.Errors = append(res.Errors, report.Error{Source: doc.Source, Message: err.Error()})
		return res
	}
	// Turning the sets into findings and checks (a check per rule and
	// resource of its types) is shared out among the cores too.
	idx := newDocIndex(doc)
	perRule := make([]Result, len(e.rules))
	forEach(len(e.rules), e.workers, func(i int) {
		collect(doc, idx, e.rules[i], outputs[i], &perRule[i])
	})
	findings, checks := 0, 0
	for _, r := range perRule {
		findings, checks = findings+len(r.Findings), checks+len(r.Checks)
	}
	res.Findings = slices.Grow(res.Findings, findings)
	res.Checks = slices.Grow(res.Checks, checks)
	for _, r := range perRule {
		res.Findings = append(res.Findings, r.Findings...)
		res.Checks = append(res.Checks, r.Checks...)
		res.Errors = append(res.Errors, r.Errors...)
	}
	return res
}

// evaluateGroup evaluates one group's rules on a document's input, writing
// each rule's sets to outputs[i] (groups write disjoint indexes).
func (e *Engine) evaluateGroup(ctx context.Context, g *group, doc *document.Document, input ast.Value, outputs []ruleOutput) []report.Error {
	switch {
	case g.prog != nil:
		if sets, err := g.prog.Call(ctx, ast.NewTerm(input), g.fns); err == nil {
			for k, i := range g.rules {
				outputs[i] = planOutput(sets[2*k], sets[2*k+1])
			}
			return nil
		}
	case g.prepared != nil:
		rs, err := g.prepared.Eval(ctx, rego.EvalParsedInput(irvm.AST(input)), asTerm)
		if err == nil && len(rs) == 1 {
			for _, i := range g.rules {
				outputs[i] = outputOf(rs[0].Bindings, i)
			}
			return nil
		}
	}
	if ctx.Err() != nil {
		return nil
	}
	// A rule failed at run time (a conflict in a complete rule, say). Run
	// the group's rules one by one so the others still report and the
	// error names the rule.
	var errs []report.Error
	for _, i := range g.rules {
		q, qerr := e.ruleQueryFor(ctx, i)
		if qerr == nil {
			var one rego.ResultSet
			one, qerr = q.Eval(ctx, rego.EvalParsedInput(irvm.AST(input)), asTerm)
			if qerr == nil && len(one) == 1 {
				outputs[i] = outputOf(one[0].Bindings, i)
				continue
			}
		}
		msg := "produced no result"
		if qerr != nil {
			msg = qerr.Error()
		}
		r := e.rules[i]
		errs = append(errs, report.Error{Source: doc.Source, Message: fmt.Sprintf("rule %s (%s): %s", r.ID, r.File, msg)})
	}
	return errs
}

// docIndex finds a document's resources by ID and by type.
type docIndex struct {
	byID   map[string]int
	byType map[string][]int // managed resources only
}

func newDocIndex(doc *document.Document) docIndex {
	idx := docIndex{byID: make(map[string]int, len(doc.Resources)), byType: map[string][]int{}}
	for i := range doc.Resources {
		r := &doc.Resources[i]
		idx.byID[r.ID] = i
		if r.Mode != document.Data {
			idx.byType[r.Type] = append(idx.byType[r.Type], i)
		}
	}
	return idx
}

// collect turns one rule's sets into findings and checks for doc.
func collect(doc *document.Document, idx docIndex, r *Rule, out ruleOutput, res *Result) {
	denied, derr := entries(out.deny)
	unknown, uerr := entries(out.unknown)
	for _, err := range []error{derr, uerr} {
		if err != nil {
			res.Errors = append(res.Errors, report.Error{Source: doc.Source, Message: fmt.Sprintf("rule %s (%s): %v", r.ID, r.File, err)})
		}
	}
	// A finding per entry, a check per resource of the rule's types (and
	// per resource found outside them): sized once, not grown.
	checks := 0
	for _, t := range r.ResourceTypes {
		checks += len(idx.byType[t])
	}
	res.Findings = slices.Grow(res.Findings, len(denied))
	res.Checks = slices.Grow(res.Checks, checks)
	failed := make(map[string]bool, len(denied))
	for _, d := range denied {
		source := doc.Source
		f := report.Finding{
			RuleID:      r.ID,
			Title:       r.Title,
			Severity:    r.Severity,
			Criteria:    r.Criteria,
			Resource:    d.resource,
			Source:      doc.Source,
			Location:    report.Location{File: doc.Source},
			Message:     d.message,
			Remediation: r.Remediation,
		}
		if i, ok := idx.byID[d.resource]; ok {
			x := &doc.Resources[i]
			if !doc.Reports(x) {
				continue
			}
			f.ResourceType = x.Type
			for _, v := range x.Via {
				f.Via = append(f.Via, report.Location{File: v.File, Line: v.Line})
			}
			if x.Location.File != "" {
				source = x.Location.File
				f.Location = report.Location{File: x.Location.File, Line: x.Location.Line}
				if x.Positions != nil && len(d.path) > 0 {
					f.Location.Line, _ = x.Positions.Position(d.path)
				}
			}
		}
		f.Source = source
		res.Findings = append(res.Findings, f)
		if !failed[d.resource] {
			failed[d.resource] = true
			res.Checks = append(res.Checks, report.Check{RuleID: r.ID, Resource: d.resource, Source: source, Status: report.Fail})
		}
	}
	why := map[string]string{}
	for _, u := range unknown {
		if _, dup := why[u.resource]; !dup {
			why[u.resource] = u.message
		}
	}
	for _, t := range r.ResourceTypes {
		for _, i := range idx.byType[t] {
			x := &doc.Resources[i]
			if failed[x.ID] || !doc.Reports(x) {
				continue
			}
			c := report.Check{RuleID: r.ID, Resource: x.ID, Source: cmp.Or(x.Location.File, doc.Source), Status: report.Pass}
			if msg, ok := why[x.ID]; ok {
				c.Status, c.Message = report.Unknown, msg
			}
			res.Checks = append(res.Checks, c)
		}
	}
}

// entry is one element of a rule's deny or unknown set: the resource, the
// message and, optionally, the path of the offending value in the
// resource's values, which places the finding on its line.
type entry struct {
	resource, message string
	path              []string
}

func entries(set any) ([]entry, error) {
	if set == nil {
		return nil, nil
	}
	t, ok := set.(*ast.Term)
	if !ok {
		return nil, fmt.Errorf("deny and unknown must be sets of objects, got %T", set)
	}
	var items []*ast.Term
	switch v := t.Value.(type) {
	case ast.Set:
		items = v.Slice()
	case *ast.Array:
		items = make([]*ast.Term, v.Len())
		for i := range items {
			items[i] = v.Elem(i)
		}
	default:
		return nil, fmt.Errorf("deny and unknown must be sets of objects, got %v", t)
	}
	out := make([]entry, 0, len(items))
	for _, it := range items {
		obj, ok := it.Value.(ast.Object)
		if !ok {
			return nil, fmt.Errorf(`a finding must be an object {"resource": ..., "message": ...}, got %v`, it)
		}
		resource, message := stringField(obj, resourceKey), stringField(obj, messageKey)
		if resource == "" || message == "" {
			return nil, fmt.Errorf(`a finding must have string "resource" and "message", got %v`, it)
		}
		e := entry{resource: resource, message: message}
		if p := obj.Get(pathKey); p != nil {
			if a, ok := p.Value.(*ast.Array); ok {
				e.path = make([]string, a.Len())
				for i := range e.path {
					if k, ok := a.Elem(i).Value.(ast.String); ok {
						e.path[i] = string(k)
					} else {
						e.path[i] = a.Elem(i).Value.String()
					}
				}
			}
		}
		out = append(out, e)
	}
	return out, nil
}

var (
	resourceKey = ast.StringTerm("resource")
	messageKey  = ast.StringTerm("message")
	pathKey     = ast.StringTerm("path")
)

// stringField is obj[key] when it is a string, else "".
func stringField(obj ast.Object, key *ast.Term) string {
	if v := obj.Get(key); v != nil {
		if s, ok := v.Value.(ast.String); ok {
			return string(s)
		}
	}
	return ""
}

// forEachChunk calls fn(0) ... fn(n-1) on all cores, each core taking a
// contiguous share, and waits: for many small, equal pieces of work.
func forEachChunk(n int, fn func(i int)) {
	forEachChunkOf(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { fn(i) })
}

// forEachChunkOf is forEachChunk with a state of each core's own, made by
// start, passed to fn.
func forEachChunkOf[S any](n int, start func() S, fn func(s S, i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/256))
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			s := start()
			for i := w * chunk; i < min(n, (w+1)*chunk); i++ {
				fn(s, i)
			}
		})
	}
	wg.Wait()
}

// forEach calls fn(0) ... fn(n-1) on workers goroutines and waits for them.
func forEach(n, workers int, fn func(i int)) {
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
