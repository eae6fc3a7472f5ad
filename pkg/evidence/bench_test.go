package evidence

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/soc2scan/soc2scan/internal/evidencegen"
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
	plan := filepath.Join("testdata", "plan.json")
	rep, rules := evidencegen.Report(plan, evals)
	records := make([]RuleRecord, len(rules))
	start := time.Date(2026, 1, 1, 6, 0, 0, 0, time.UTC)
	for i := range runs {
		for r, ru := range rules {
			if i == 0 || churn {
				records[r] = RuleRecord{ID: ru.ID, Criteria: ru.Criteria, Digest: evidencegen.Digest(i, r)}
			}
		}
		_, err := Write(dir, Run{Start: start.AddDate(0, 0, i), End: start.AddDate(0, 0, i).Add(time.Minute), Tool: "soc2scan",
			Version: "v1.0.0", Inputs: []string{plan}, Scope: []soc2.Category{soc2.Security}, Rules: records, Report: rep})
		if err != nil {
			b.Fatal(err)
		}
	}
}
