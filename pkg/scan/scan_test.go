package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/internal/plangen"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/scan"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

func TestBrokenInputsDoNotHideOthers(t *testing.T) {
	s, err := scan.New()
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join("..", "..", "testdata", "tfplan", "bad")
	rep, err := s.Scan(context.Background(),
		scan.Path(filepath.Join(bad, "truncated.json")),
		scan.Path("testdata/bucket.json"),
		scan.Path(filepath.Join(bad, "not_json.json")),
		scan.Path(filepath.Join(bad, "future_format.json")),
		scan.Path("testdata/missing.json"),
		scan.Bytes("empty.json", nil),
	)
	if err != nil {
		t.Fatal(err)
	}
	if rep.AtOrAbove(report.Low) == 0 {
		t.Error("the good plan's findings are missing")
	}
	got := map[string]int{}
	for _, e := range rep.Errors {
		got[e.Source] = e.Line
	}
	want := map[string]int{
		"../../testdata/tfplan/bad/truncated.json":     21,
		"../../testdata/tfplan/bad/not_json.json":      1,
		"../../testdata/tfplan/bad/future_format.json": 2,
		"testdata/missing.json":                        0,
		"empty.json":                                   1,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors by source and line (-want +got):\n%s\n%+v", diff, rep.Errors)
	}
	if rep.Summary.Sources != 1 || rep.Summary.Errors != 5 {
		t.Errorf("summary %+v", rep.Summary)
	}
}

func TestDirectoryWalk(t *testing.T) {
	s, err := scan.New(scan.WithPolicyDir("testdata/rules"), scan.WithoutBuiltinRules())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Scan(context.Background(), scan.Path("testdata/tree"))
	if err != nil {
		t.Fatal(err)
	}
	// envs/prod.plan is found by its content; README.md and package.json are
	// skipped silently; .terraform is hidden and not walked.
	want := []report.Check{{RuleID: "ACME-001", Resource: "aws_s3_bucket.logs", Source: "testdata/tree/envs/prod.plan", Status: report.Pass}}
	if diff := cmp.Diff(want, rep.Checks); diff != "" {
		t.Errorf("checks (-want +got):\n%s", diff)
	}
	if len(rep.Errors) != 0 {
		t.Errorf("errors: %+v", rep.Errors)
	}
}

func TestAbsolutePathsReportedRelative(t *testing.T) {
	s, err := scan.New()
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs("testdata/bucket.json")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Scan(context.Background(), scan.Path(abs))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Source != "testdata/bucket.json" || f.Location.File != "testdata/bucket.json" {
			t.Errorf("finding source %q, file %q; want testdata/bucket.json", f.Source, f.Location.File)
		}
	}
	if len(rep.Findings) == 0 {
		t.Error("no findings")
	}
}

func TestBrokenUserRuleReported(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.rego"), []byte("package soc2scan.rules.x\n\ndeny contains x if {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := scan.New(scan.WithPolicyDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Scan(context.Background(), scan.Path("testdata/bucket.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 1 || !strings.HasSuffix(rep.Errors[0].Source, "broken.rego") || rep.Errors[0].Line == 0 {
		t.Errorf("errors: %+v", rep.Errors)
	}
	if len(rep.Findings) == 0 {
		t.Error("built-in rules did not run")
	}
}

func TestMissingPolicyDir(t *testing.T) {
	if _, err := scan.New(scan.WithPolicyDir("testdata/nope")); err == nil {
		t.Error("no error for a missing policy directory")
	}
}

func TestDeterministic(t *testing.T) {
	s, err := scan.New()
	if err != nil {
		t.Fatal(err)
	}
	data := plangen.Generate(500)
	first, err := s.Scan(context.Background(), scan.Bytes("a.json", data), scan.Bytes("b.json", data))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		again, err := s.Scan(context.Background(), scan.Bytes("b.json", data), scan.Bytes("a.json", data))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(first, again); diff != "" {
			t.Fatalf("reports differ between runs (-first +again):\n%s", diff)
		}
	}
}

// TestCategories: a rule whose criteria all fall outside the scope is not
// run; Security is always in scope; the criteria report lists the criteria
// in scope, with the rules' evidence and the uncovered ones as manual.
func TestCategories(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		opts      []scan.Option
		rules     []string
		criteria  int
		available bool // A1.2 in the criteria report
	}{
		{"default: all categories", nil, []string{"ACME-A-001", "ACME-C-001"}, 61, true},
		{"security only", []scan.Option{scan.WithCategories()}, []string{"ACME-C-001"}, 33, false},
		{"availability", []scan.Option{scan.WithCategories(soc2.Availability)}, []string{"ACME-A-001", "ACME-C-001"}, 36, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := append([]scan.Option{scan.WithoutBuiltinRules(), scan.WithPolicyDir("testdata/scoped")}, tc.opts...)
			s, err := scan.New(opts...)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, r := range s.Rules() {
				ids = append(ids, r.ID)
			}
			if diff := cmp.Diff(tc.rules, ids); diff != "" {
				t.Errorf("rules (-want +got):\n%s", diff)
			}
			rep, err := s.Scan(ctx, scan.Path("testdata/bucket.json"))
			if err != nil {
				t.Fatal(err)
			}
			cr := s.Criteria(rep)
			if len(cr.Criteria) != tc.criteria {
				t.Errorf("%d criteria in the report, want %d", len(cr.Criteria), tc.criteria)
			}
			byID := map[string]report.CriterionResult{}
			for _, c := range cr.Criteria {
				byID[c.ID] = c
			}
			if _, ok := byID["A1.2"]; ok != tc.available {
				t.Errorf("A1.2 in report: %v, want %v", ok, tc.available)
			}
			if got := byID["CC6.1"]; got.Status != report.CriterionPassed || got.Resources != (report.Counts{Checked: 1, Passed: 1}) {
				t.Errorf("CC6.1: %s %+v, want passed on the one bucket", got.Status, got.Resources)
			}
			if got := byID["CC1.1"]; got.Status != report.CriterionManual || len(got.Rules) != 0 {
				t.Errorf("CC1.1: %s with %d rules, want manual", got.Status, len(got.Rules))
			}
			if tc.available {
				if got := byID["A1.2"]; got.Status != report.CriterionFailed || got.Resources.Failed != 1 {
					t.Errorf("A1.2: %s %+v, want failed on the unversioned bucket", got.Status, got.Resources)
				}
			}
		})
	}
}

// TestTerraformSource: with the source of a plan, plan findings point at
// the .tf block of their address, with the module call chain, and the
// source's inline waivers apply to them.
func TestTerraformSource(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "parity", "count", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	// Waive the unencrypted volume inline, as a developer would.
	text := strings.Replace(string(src), "resource \"aws_ebs_volume\"", "# soc2scan:ignore AWS-EC2-002 scratch volumes hold no data\nresource \"aws_ebs_volume\"", 1)
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join("..", "..", "testdata", "parity", "count", "plan.json")
	plain, err := scan.New()
	if err != nil {
		t.Fatal(err)
	}
	withSource, err := scan.New(scan.WithTerraformSource(dir))
	if err != nil {
		t.Fatal(err)
	}
	before, err := plain.Scan(context.Background(), scan.Path(plan))
	if err != nil {
		t.Fatal(err)
	}
	after, err := withSource.Scan(context.Background(), scan.Path(plan))
	if err != nil {
		t.Fatal(err)
	}
	if len(before.Findings) != len(after.Findings) || len(after.Findings) == 0 {
		t.Fatalf("%d findings without the source, %d with it", len(before.Findings), len(after.Findings))
	}
	waived := 0
	for _, f := range after.Findings {
		if !strings.HasSuffix(f.Location.File, "main.tf") || f.Location.Line == 0 {
			t.Errorf("%s on %s at %s:%d, want the .tf block", f.RuleID, f.Resource, f.Location.File, f.Location.Line)
		}
		if f.Waiver != nil {
			waived++
			if f.RuleID != "AWS-EC2-002" || !f.Waiver.Inline {
				t.Errorf("%s on %s waived by %+v", f.RuleID, f.Resource, f.Waiver)
			}
		}
	}
	if waived == 0 {
		t.Error("the inline waiver in the source did not apply to the plan's findings")
	}
}
