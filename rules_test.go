package soc2scan_test

import (
	"context"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/soc2scan/soc2scan"
	"github.com/soc2scan/soc2scan/pkg/engine"
)

// modules parses every embedded .rego file, tests included.
func modules(t *testing.T) map[string]*ast.Module {
	t.Helper()
	mods := map[string]*ast.Module{}
	err := fs.WalkDir(soc2scan.Rules, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		b, err := fs.ReadFile(soc2scan.Rules, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(b), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		mods[p] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return mods
}

// TestRego runs every Rego test of the rule library and the shared library,
// one Go subtest each, so that `go test ./...` runs everything.
func TestRego(t *testing.T) {
	mods := modules(t)
	compiler := ast.NewCompiler().WithCapabilities(engine.Capabilities()).WithStrict(true).WithEnablePrintStatements(true)
	results, err := tester.NewRunner().SetCompiler(compiler).CapturePrintOutput(true).Run(context.Background(), mods)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range results {
		n++
		t.Run(strings.TrimPrefix(r.Package, "data.soc2scan.")+"/"+r.Name, func(t *testing.T) {
			switch {
			case r.Error != nil:
				t.Errorf("%s:%d: error: %v", r.Location.File, r.Location.Row, r.Error)
			case r.Fail:
				t.Errorf("%s:%d: failed\n%s", r.Location.File, r.Location.Row, r.Output)
			case r.Skip:
				t.Skip("skipped with todo_")
			}
		})
	}
	if n == 0 {
		t.Fatal("no Rego tests ran")
	}
}

// TestRuleContract enforces the rule contract on every rule file: the
// package mirrors the path, the metadata loads, and a test file beside it
// has at least one failing and one passing case.
func TestRuleContract(t *testing.T) {
	mods := modules(t)
	e, err := engine.New(context.Background())
	if err != nil {
		t.Fatalf("built-in rules do not load: %v", err)
	}
	rules := map[string]*engine.Rule{}
	for _, r := range e.Rules() {
		rules[r.File] = r
	}
	failTest := regexp.MustCompile(`(?m)^test_fail_\w+ if`)
	passTest := regexp.MustCompile(`(?m)^test_pass_\w+ if`)
	count := 0
	for file, m := range mods {
		isTest := strings.HasSuffix(file, "_test.rego")
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		var want string
		switch {
		case strings.HasPrefix(file, "policies/"):
			want = "soc2scan.rules." + strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(file, "policies/"), ".rego"), "/", ".")
		case strings.HasPrefix(file, "rego/"):
			want = "soc2scan.lib." + strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(file, "rego/"), ".rego"), "/", ".")
		}
		if pkg != want {
			t.Errorf("%s: package %s, want %s (the package mirrors the path)", file, pkg, want)
		}
		if isTest || !strings.HasPrefix(file, "policies/") {
			continue
		}
		count++
		if rules[file] == nil {
			t.Errorf("%s: not loaded as a rule (no deny or no metadata)", file)
		}
		testFile := strings.TrimSuffix(file, ".rego") + "_test.rego"
		src, err := fs.ReadFile(soc2scan.Rules, testFile)
		if err != nil {
			t.Errorf("%s: no %s beside it", file, path.Base(testFile))
			continue
		}
		if !failTest.MatchString(string(src)) || !passTest.MatchString(string(src)) {
			t.Errorf("%s: needs at least one test_fail_* and one test_pass_* case", testFile)
		}
	}
	if count < 12 {
		t.Errorf("%d rules in policies/, want at least 12", count)
	}
}
