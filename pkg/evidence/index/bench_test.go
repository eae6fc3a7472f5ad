package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/soc2scan/soc2scan/internal/evidencegen"
	"github.com/soc2scan/soc2scan/pkg/evidence"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// BenchmarkBuild builds the index of a ledger of 100 daily runs × 10,000
// evaluations: "scratch" from nothing, "append" the 100th run onto an index
// of the other 99 (the evidence written once, before timing; with -short 10
// runs).
func BenchmarkBuild(b *testing.B) {
	runs, evals := 100, 10000
	if testing.Short() {
		runs = 10
	}
	dir := b.TempDir()
	generate(b, dir, runs-1, evals)
	base := filepath.Join(b.TempDir(), File)
	if _, err := Build(context.Background(), dir, base); err != nil {
		b.Fatal(err)
	}
	generate(b, dir, 1, evals)
	db := filepath.Join(b.TempDir(), File)

	b.Run("scratch", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			os.Remove(db)
			b.StartTimer()
			st, err := Build(context.Background(), dir, db)
			if err != nil {
				b.Fatal(err)
			}
			if st.Runs != runs || st.Evaluations != runs*evals || st.Incremental {
				b.Fatalf("stats %+v", st)
			}
		}
		b.ReportMetric(float64(runs*evals)*float64(b.N)/b.Elapsed().Seconds(), "evaluations/s")
	})
	b.Run("append", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			copyIndex(b, base, db)
			b.StartTimer()
			st, err := Build(context.Background(), dir, db)
			if err != nil {
				b.Fatal(err)
			}
			if st.Runs != 1 || st.Evaluations != evals || !st.Incremental {
				b.Fatalf("stats %+v", st)
			}
		}
	})
}

func copyIndex(b *testing.B, from, to string) {
	b.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		b.Fatal(err)
	}
}

// generate writes runs daily runs into dir, each of the same generated
// report (as pkg/evidence's benchmarks do).
func generate(b *testing.B, dir string, runs, evals int) {
	b.Helper()
	rep, rules := evidencegen.Report("plan.json", evals)
	records := make([]evidence.RuleRecord, len(rules))
	for r, ru := range rules {
		records[r] = evidence.RuleRecord{ID: ru.ID, Criteria: ru.Criteria, Digest: evidencegen.Digest(0, r)}
	}
	start := time.Date(2026, 1, 1, 6, 0, 0, 0, time.UTC)
	for i := range runs {
		_, err := evidence.Write(dir, evidence.Run{Start: start.AddDate(0, 0, i), End: start.AddDate(0, 0, i).Add(time.Minute),
			Tool: "soc2scan", Version: "v1.0.0", Scope: []soc2.Category{soc2.Security}, Rules: records, Report: rep})
		if err != nil {
			b.Fatal(err)
		}
	}
}
