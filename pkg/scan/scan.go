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

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/engine"
	"github.com/soc2scan/soc2scan/pkg/load"
	"github.com/soc2scan/soc2scan/pkg/report"
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
	engine []engine.Option
}

// WithPolicyDir adds the user rules below dir; they follow the same contract
// as the built-in rules. It may be given more than once.
func WithPolicyDir(dir string) Option {
	return func(c *config) { c.engine = append(c.engine, engine.WithPolicyDir(dir)) }
}

// WithoutBuiltinRules runs only user rules.
func WithoutBuiltinRules() Option {
	return func(c *config) { c.engine = append(c.engine, engine.WithoutBuiltins()) }
}

// Scanner scans inputs with a compiled rule set.
type Scanner struct {
	engine *engine.Engine
}

// New compiles the built-in rules and any user rules. A user rule file that
// is broken is left out and reported in every report's Errors; New fails
// only when a policy directory cannot be read.
func New(opts ...Option) (*Scanner, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	e, err := engine.New(context.Background(), c.engine...)
	if err != nil {
		return nil, err
	}
	return &Scanner{engine: e}, nil
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
	docs, diags := load.Load(ctx, ins)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	results, err := s.engine.Evaluate(ctx, docs)
	if err != nil {
		return nil, err
	}
	rep := &report.Report{}
	for _, d := range append(s.engine.Diagnostics(), diags...) {
		rep.Errors = append(rep.Errors, reportError(d))
	}
	resources := 0
	for i, res := range results {
		resources += len(docs[i].Resources)
		rep.Findings = append(rep.Findings, res.Findings...)
		rep.Checks = append(rep.Checks, res.Checks...)
		rep.Errors = append(rep.Errors, res.Errors...)
	}
	rep.Finalize(len(docs), resources, len(s.engine.Rules()))
	return rep, nil
}

func reportError(d document.Diagnostic) report.Error {
	msg := d.Summary
	if d.Detail != "" {
		msg += ": " + d.Detail
	}
	if d.Severity == document.Warning {
		msg = "warning: " + msg
	}
	e := report.Error{Source: d.Location.File, Line: d.Location.Line, Column: d.Location.Column, Message: msg}
	if e.Source == "" {
		e.Source = "(rules)"
	}
	return e
}
