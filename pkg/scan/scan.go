// Package scan is soc2scan's Go API: build a Scanner once with New, then
// Scan files, directories or bytes and get a typed report of findings tagged
// with the SOC 2 Trust Services Criteria they give evidence for, together
// with every check that passed.
//
//	s, err := scan.New()
//	if err != nil { ... }
//	rep, err := s.Scan(ctx, scan.Path("plan.json"))
//	for _, f := range rep.Findings { fmt.Println(f.RuleID, f.Resource, f.Message) }
//
// A Scanner compiles its rules once and is safe for concurrent use.
package scan

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/engine"
	"github.com/soc2scan/soc2scan/pkg/load"
	loadconfig "github.com/soc2scan/soc2scan/pkg/load/config"
	"github.com/soc2scan/soc2scan/pkg/load/tfhcl"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
	"github.com/soc2scan/soc2scan/pkg/waiver"
)

// Rule describes a loaded rule: its ID, severity, criteria and the resource
// types it checks.
type Rule = engine.Rule

// Input is something to scan; make one with Path or Bytes.
type Input struct {
	in load.Input
}

// Path scans a file, or every supported file below a directory (hidden
// directories such as .git and .terraform are skipped). Files are recognised
// by their content, not their extension.
func Path(path string) Input {
	return Input{in: load.Input{Path: path}}
}

// Bytes scans data as if it were a file called name; name is how findings
// refer to it.
func Bytes(name string, data []byte) Input {
	if data == nil {
		data = []byte{}
	}
	return Input{in: load.Input{Name: name, Data: data}}
}

// Option configures a Scanner.
type Option func(*config)

type config struct {
	engine  []engine.Option
	load    load.Options
	scope   *soc2.Scope
	waivers []*waiver.Waiver
	date    time.Time
	tfDirs  []string
	err     error
}

// WithPolicyDir adds the user rules below dir; they follow the same contract
// as the built-in rules. It may be given more than once.
func WithPolicyDir(dir string) Option {
	return func(c *config) { c.engine = append(c.engine, engine.WithPolicyDir(dir)) }
}

// WithConfigType gives the JSON and YAML files whose path matches pattern
// the config type typ, so rules with that type in resource_types evaluate
// them (e.g. WithConfigType("app/*.yaml", "app_config")). The pattern is a
// glob with *, ** and {a,b}, matched against the path as reported and
// relative to the scanned directory; one without a slash matches the base
// name. The first matching pattern wins over the type soc2scan would
// recognise from the file's content.
func WithConfigType(pattern, typ string) Option {
	return func(c *config) {
		m, err := loadconfig.ParseMapping(pattern + "=" + typ)
		if err != nil {
			c.err = errors.Join(c.err, err)
			return
		}
		c.load.ConfigTypes = append(c.load.ConfigTypes, m)
	}
}

// WithVarFile adds a Terraform variable file (.tfvars or .tfvars.json) for
// the modules scanned from HCL source, as terraform -var-file does; later
// files win over earlier ones, and over terraform.tfvars and *.auto.tfvars.
func WithVarFile(path string) Option {
	return func(c *config) { c.load.Terraform.VarFiles = append(c.load.Terraform.VarFiles, path) }
}

// WithVar sets a Terraform variable for the modules scanned from HCL
// source, as terraform -var name=value does: the value is a literal string
// for a variable of primitive type, an HCL expression otherwise.
func WithVar(name, value string) Option {
	return func(c *config) {
		if c.load.Terraform.Vars == nil {
			c.load.Terraform.Vars = map[string]string{}
		}
		c.load.Terraform.Vars[name] = value
	}
}

// WithEnv gives the environment (os.Environ form) whose TF_VAR_name
// values set Terraform variables, as they do for terraform; without it no
// environment is read.
func WithEnv(env []string) Option {
	return func(c *config) { c.load.Terraform.Env = env }
}

// WithCategories sets the trust services categories in scope (Security is
// always in): rules whose criteria all fall outside the scope are not run,
// and the criteria report lists the criteria in scope. Without it, all five
// categories are in scope.
func WithCategories(cats ...soc2.Category) Option {
	return func(c *config) {
		scope := soc2.NewScope(cats...)
		c.scope = &scope
		c.engine = append(c.engine, engine.WithScope(scope))
	}
}

// WithWaivers adds waivers (from a .soc2scan.yaml, see pkg/configfile):
// findings they cover are reported as waived, with the waiver, and do not
// fail the scan. Inline waivers (soc2scan:ignore comments in Terraform
// source, soc2scan.io/ignore annotations) are always read.
func WithWaivers(ws ...*waiver.Waiver) Option {
	return func(c *config) { c.waivers = append(c.waivers, ws...) }
}

// WithTerraformSource names the Terraform source directory of the plans
// being scanned (a root module, as terraform plan ran in it): findings on
// plan resources then point at the .tf file and line of their block (with
// the module call chain), and the source's inline soc2scan:ignore
// comments waive plan findings too.
func WithTerraformSource(dir string) Option {
	return func(c *config) { c.tfDirs = append(c.tfDirs, dir) }
}

// WithDate sets the day waiver expiry is judged on (default: today).
func WithDate(day time.Time) Option {
	return func(c *config) { c.date = day }
}

// WithDisabledRules leaves out the rules with these ids.
func WithDisabledRules(ids ...string) Option {
	return func(c *config) { c.engine = append(c.engine, engine.WithDisabled(ids...)) }
}

// WithExclude leaves out, when walking directories, the files and
// directories matching these path globs (*, **, {a,b}), relative to the
// scanned directory or as displayed.
func WithExclude(globs ...string) Option {
	return func(c *config) {
		for _, g := range globs {
			if !doublestar.ValidatePattern(g) {
				c.err = errors.Join(c.err, fmt.Errorf("exclude %q is not a valid glob", g))
			}
		}
		c.load.Exclude = append(c.load.Exclude, globs...)
	}
}

// WithoutBuiltinRules runs only user rules.
func WithoutBuiltinRules() Option {
	return func(c *config) { c.engine = append(c.engine, engine.WithoutBuiltins()) }
}

// Scanner scans inputs with a compiled rule set.
type Scanner struct {
	engine  *engine.Engine
	load    load.Options
	scope   soc2.Scope
	waivers []*waiver.Waiver
	date    time.Time
	tfDirs  []string
}

// New compiles the built-in rules and any user rules. A user rule file that
// is broken is left out and reported in every report's Errors; New fails
// only when a policy directory cannot be read.
func New(opts ...Option) (*Scanner, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.err != nil {
		return nil, c.err
	}
	e, err := engine.New(context.Background(), c.engine...)
	if err != nil {
		return nil, err
	}
	scope := soc2.FullScope()
	if c.scope != nil {
		scope = *c.scope
	}
	return &Scanner{engine: e, load: c.load, scope: scope, waivers: c.waivers, date: c.date, tfDirs: c.tfDirs}, nil
}

// Rules lists the rules the scanner runs, sorted by ID.
func (s *Scanner) Rules() []*Rule {
	return s.engine.Rules()
}

// Scan loads the inputs and evaluates every rule on them. Inputs that cannot
// be read are reported in the report's Errors and the rest are still
// scanned; the error return is for a cancelled context only.
func (s *Scanner) Scan(ctx context.Context, inputs ...Input) (*report.Report, error) {
	ins := make([]load.Input, len(inputs))
	for i, in := range inputs {
		ins[i] = in.in
	}
	docs, diags := load.Load(ctx, ins, s.load)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	results, err := s.engine.Evaluate(ctx, docs)
	if err != nil {
		return nil, err
	}
	rep := &report.Report{}
	for _, d := range append(s.engine.Diagnostics(), diags...) {
		if d.Severity == document.Warning {
			rep.Warnings = append(rep.Warnings, reportError(d))
		} else {
			rep.Errors = append(rep.Errors, reportError(d))
		}
	}
	resources, sources := 0, map[string]bool{}
	// One document (a plan, the manifests of a scan) holds most findings:
	// its lists become the report's without a copy.
	if len(results) == 1 {
		rep.Findings, rep.Checks = results[0].Findings, results[0].Checks
		results[0].Findings, results[0].Checks = nil, nil
	}
	for i, res := range results {
		for j := range docs[i].Resources {
			if docs[i].Reports(&docs[i].Resources[j]) {
				resources++
			}
		}
		sources[docs[i].Source] = true
		for _, f := range docs[i].Files {
			sources[f] = true
		}
		rep.Findings = append(rep.Findings, res.Findings...)
		rep.Checks = append(rep.Checks, res.Checks...)
		rep.Errors = append(rep.Errors, res.Errors...)
	}
	tfSources, tfDiags := s.terraformSources(ctx)
	for _, d := range tfDiags {
		if d.Severity == document.Warning {
			rep.Warnings = append(rep.Warnings, reportError(d))
		} else {
			rep.Errors = append(rep.Errors, reportError(d))
		}
	}
	placePlanFindings(rep, docs, tfSources)
	inline, warnings := waiver.Inline(append(docs, tfSources...))
	rep.Warnings = append(rep.Warnings, warnings...)
	// Each scan counts its own matches: copies keep the Scanner reusable.
	ws := make([]*waiver.Waiver, 0, len(s.waivers)+len(inline))
	for _, w := range s.waivers {
		c := *w
		ws = append(ws, &c)
	}
	day := s.date
	if day.IsZero() {
		day = time.Now()
	}
	// Inline waivers, next to the code, come first: the most specific.
	rep.Warnings = append(rep.Warnings, waiver.Apply(rep, append(inline, ws...), day)...)
	rep.Finalize(len(sources), resources, len(s.engine.Rules()))
	return rep, nil
}

// Criteria returns the criteria report of a scan made by s: for every
// criterion in the scanner's scope, the rules that gave evidence for it and
// the resources they checked, passed, failed or could not decide; criteria
// no rule covers are listed as needing manual evidence.
func (s *Scanner) Criteria(rep *report.Report) *report.CriteriaReport {
	return report.Criteria(rep, s.RuleInfo(), s.scope)
}

// RuleInfo describes the rules s runs, as the report formats that list
// rules (SARIF, the criteria report) take them.
func (s *Scanner) RuleInfo() []report.RuleInfo {
	rules := make([]report.RuleInfo, 0, len(s.engine.Rules()))
	for _, r := range s.engine.Rules() {
		rules = append(rules, report.RuleInfo{ID: r.ID, Title: r.Title, Description: r.Description, Severity: r.Severity,
			Criteria: r.Criteria, Remediation: r.Remediation})
	}
	return rules
}

// Scope returns the trust services categories in the scanner's scope.
func (s *Scanner) Scope() []soc2.Category {
	return s.scope.Categories()
}

// terraformSources loads the Terraform source directories given with
// WithTerraformSource, for their locations and inline waivers only: their
// resources are not evaluated (the plan's are).
func (s *Scanner) terraformSources(ctx context.Context) ([]*document.Document, document.Diagnostics) {
	var docs []*document.Document
	var diags document.Diagnostics
	for _, dir := range s.tfDirs {
		opts := s.load.Terraform
		opts.Root = dir
		res, d := tfhcl.Evaluate(ctx, dir, opts)
		diags = append(diags, d...)
		if res == nil || res.Document == nil {
			continue
		}
		for i := range res.Document.Resources {
			res.Document.Resources[i].Via = res.Via[res.Document.Resources[i].ID]
		}
		docs = append(docs, res.Document)
	}
	return docs, diags
}

// placePlanFindings moves the findings on plan resources to the .tf block
// of the same address in the source, when the source is given.
func placePlanFindings(rep *report.Report, docs, sources []*document.Document) {
	if len(sources) == 0 {
		return
	}
	plans := map[string]bool{}
	for _, d := range docs {
		if d.Kind == document.Terraform && d.Format != tfhcl.Format {
			plans[d.Source] = true
		}
	}
	blocks := map[string]*document.Resource{}
	for _, d := range sources {
		for i := range d.Resources {
			blocks[d.Resources[i].ID] = &d.Resources[i]
		}
	}
	for i := range rep.Findings {
		f := &rep.Findings[i]
		b, ok := blocks[f.Resource]
		if !ok || !plans[f.Source] {
			continue
		}
		f.Location = report.Location{File: b.Location.File, Line: b.Location.Line}
		f.Via = nil
		for _, v := range b.Via {
			f.Via = append(f.Via, report.Location{File: v.File, Line: v.Line})
		}
	}
}

func reportError(d document.Diagnostic) report.Error {
	msg := d.Summary
	if d.Detail != "" {
		msg += ": " + d.Detail
	}
	e := report.Error{Source: d.Location.File, Line: d.Location.Line, Column: d.Location.Column, Message: msg}
	if e.Source == "" {
		e.Source = "(rules)"
	}
	return e
}
