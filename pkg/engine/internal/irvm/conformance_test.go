package irvm

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/test/cases"
	"github.com/open-policy-agent/opa/v1/test/cases/testdata"
	"go.yaml.in/yaml/v3"
)

// TestConformance runs OPA's own evaluation test cases (the suite OPA
// holds its WebAssembly and IR runtimes to, shipped in the OPA module)
// through plans and through OPA's evaluator: every case irvm accepts must
// give OPA's results, and an evaluation OPA fails must fail here too.
// Cases whose modules do not compile, whose plans irvm refuses (dynamic
// calls into data) or that set environment variables are counted, not run.
func TestConformance(t *testing.T) {
	var all []cases.TestCase
	err := fs.WalkDir(testdata.V1, "v1", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		data, err := fs.ReadFile(testdata.V1, path)
		if err != nil {
			return err
		}
		var set cases.Set
		if err := yaml.Unmarshal(data, &set); err != nil {
			return err
		}
		for _, c := range set.Cases {
			c.Filename = path
			all = append(all, c)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ran, skipped := 0, map[string]int{}
	for _, tc := range all {
		why := conformanceCase(t, tc)
		if why != "" {
			skipped[why]++
			continue
		}
		ran++
	}
	t.Logf("%d cases of %d run through plans; not run: %v", ran, len(all), skipped)
	if ran < len(all)/2 {
		t.Errorf("only %d of %d cases ran", ran, len(all))
	}
}

// differences are the cases where plans and OPA's evaluator differ by
// design, with the reason.
var differences = map[string]string{
	// OPA's store keys base documents by strings and converts a number in
	// a data reference to one; plans look the number up as it is. The
	// engine passes no base documents.
	"data/toplevel integer": "numbers as keys of base documents",
	"data/nested integer":   "numbers as keys of base documents",
}

// conformanceCase runs one case; it returns why the case was not run.
// Cases of strict built-in errors run too: both evaluators run them with
// errors as undefined, as the engine does.
func conformanceCase(t *testing.T, tc cases.TestCase) string {
	t.Helper()
	if why, ok := differences[tc.Note]; ok {
		return why
	}
	if len(tc.Env) > 0 {
		return "environment variables"
	}
	lhs, v, ok := strings.Cut(tc.Query, " = ")
	if !ok || strings.ContainsAny(v, " .[") || !strings.HasPrefix(lhs, "data.") {
		return "query not of the form data.ref = x"
	}
	mods := map[string]*ast.Module{}
	for i, text := range tc.Modules {
		name := tc.Filename + "/" + string(rune('a'+i)) + ".rego"
		m, err := ast.ParseModuleWithOpts(name, text, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return "modules do not parse"
		}
		mods[name] = m
	}
	c := ast.NewCompiler().WithCapabilities(ast.CapabilitiesForThisVersion())
	if c.Compile(mods); c.Failed() {
		return "modules do not compile"
	}
	data := map[string]any{}
	if tc.Data != nil {
		data = *tc.Data
	}
	var input *ast.Term
	switch {
	case tc.InputTerm != nil:
		var err error
		if input, err = ast.ParseTerm(*tc.InputTerm); err != nil {
			return "input does not parse"
		}
	case tc.Input != nil:
		v, err := ast.InterfaceToValue(*tc.Input)
		if err != nil {
			return "input does not convert"
		}
		input = ast.NewTerm(v)
	}
	dataValue, err := ast.InterfaceToValue(data)
	if err != nil {
		return "data does not convert"
	}

	// OPA's evaluator.
	opts := []func(*rego.Rego){rego.Query(tc.Query), rego.Compiler(c), rego.Store(inmem.NewFromObject(data))}
	pq, err := rego.New(opts...).PrepareForEval(context.Background())
	if err != nil {
		return "query does not prepare"
	}
	evalOpts := []rego.EvalOption{rego.EvalGenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil })}
	if input != nil {
		evalOpts = append(evalOpts, rego.EvalParsedInput(input.Value))
	}
	rs, opaErr := pq.Eval(context.Background(), evalOpts...)
	var want []string
	for _, r := range rs {
		if b, ok := r.Bindings[v].(*ast.Term); ok {
			want = append(want, b.String())
		}
	}

	// The plan.
	s := &slot{}
	_, err = rego.New(append(opts, rego.Target(target))...).
		PrepareForEval(context.WithValue(context.Background(), slot{}, s))
	if err != nil || s.prog == nil {
		return "not planned or refused by irvm"
	}
	results, err := s.prog.Eval(context.Background(), input, ast.NewTerm(dataValue))
	if input != nil && err == nil {
		// The same again with the input built as the engine builds it.
		nresults, nerr := s.prog.Eval(context.Background(), native(input), ast.NewTerm(dataValue))
		if nerr != nil || ast.NewArray(nresults...).Compare(ast.NewArray(results...)) != 0 {
			t.Errorf("%s (%s): with Objects and Arrays as input, plans give %v (%v), not %v", tc.Note, tc.Filename, nresults, nerr, results)
		}
	}
	switch {
	case opaErr != nil && err == nil:
		t.Errorf("%s (%s): OPA fails (%v), plans give %v", tc.Note, tc.Filename, opaErr, results)
		return ""
	case opaErr == nil && err != nil:
		t.Errorf("%s (%s): plans fail: %v", tc.Note, tc.Filename, err)
		return ""
	case err != nil:
		return ""
	}
	var got []string
	for _, r := range results {
		if obj, ok := r.Value.(ast.Object); ok {
			if b := obj.Get(ast.StringTerm(v)); b != nil {
				got = append(got, b.String())
			}
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		t.Errorf("%s (%s):\nplans give %v\nOPA gives   %v", tc.Note, tc.Filename, got, want)
	}
	return ""
}
