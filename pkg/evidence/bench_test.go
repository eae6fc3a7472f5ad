package evidence

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// BenchmarkVerify verifies a ledger of 1,000 runs × 10,000 evaluations
// (about 2.4 GB of bundles, written once before timing; with -short 100
// runs).
func BenchmarkVerify(b *testing.B) {
	runs, evals := 1000, 10000
	if testing.Short() {
		runs = 100
	}
	dir := b.TempDir()
	generate(b, dir, runs, evals, false)
	b.ReportAllocs()
	for b.Loop() {
		res, err := Verify(dir, 25*time.Hour)
		if err != nil {
			b.Fatal(err)
		}
		if !res.OK() || res.Runs != runs {
			b.Fatalf("%d runs, problems %v", res.Runs, res.Problems[:min(5, len(res.Problems))])
		}
	}
}

// generate writes runs daily runs, each of a report with evals checks: 10
// rules over evals/10 resources, one check in 20 failing. With churn every
// run has other rule digests (as if the rule set changed daily), so no
// evaluation line repeats one of an earlier run: the worst case for the
// period report's reader.
func generate(b *testing.B, dir string, runs, evals int, churn bool) {
	b.Helper()
	const rules = 10
	rep := &report.Report{}
	var records []RuleRecord
	for r := range rules {
		id := fmt.Sprintf("AWS-GEN-%03d", r)
		records = append(records, RuleRecord{ID: id, Criteria: []string{"CC6.1", "CC7.2"}, Digest: strings.Repeat(fmt.Sprint(r), 64)})
	}
	plan := filepath.Join("testdata", "plan.json")
	for i := range evals {
		rule, res := records[i%rules].ID, fmt.Sprintf("aws_s3_bucket.bucket_%05d", i/rules)
		c := report.Check{RuleID: rule, Resource: res, Source: plan, Status: report.Pass}
		if i%20 == 0 {
			c.Status = report.Fail
			rep.Findings = append(rep.Findings, report.Finding{RuleID: rule, Severity: report.High, Criteria: records[i%rules].Criteria,
				Resource: res, Source: plan, Location: report.Location{File: plan, Line: i}, Message: res + " has no encryption"})
		}
		rep.Checks = append(rep.Checks, c)
	}
	rep.Finalize(1, evals/rules, rules)
	start := time.Date(2026, 1, 1, 6, 0, 0, 0, time.UTC)
	for i := range runs {
		if churn {
			for r := range records {
				records[r].Digest = fmt.Sprintf("%064x", i*rules+r)
			}
		}
		_, err := Write(dir, Run{Start: start.AddDate(0, 0, i), End: start.AddDate(0, 0, i).Add(time.Minute), Tool: "soc2scan",
			Version: "v1.0.0", Inputs: []string{plan}, Scope: []soc2.Category{soc2.Security}, Rules: records, Report: rep})
		if err != nil {
			b.Fatal(err)
		}
	}
}
