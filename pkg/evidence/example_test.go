package evidence_test

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/soc2scan/soc2scan/pkg/evidence"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// Keep the evidence of two scans a day and a half apart, then verify the
// ledger expecting a run a day.
func Example() {
	dir, err := os.MkdirTemp("", "evidence")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	rep := &report.Report{Checks: []report.Check{
		{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.logs", Source: "testdata/plan.json", Status: report.Pass},
	}}
	rep.Finalize(1, 1, 1)
	start := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)
	for _, at := range []time.Time{start, start.Add(36 * time.Hour)} {
		_, err := evidence.Write(dir, evidence.Run{
			Start: at, End: at.Add(time.Second), Tool: "soc2scan", Version: "v1.0.0",
			Inputs: []string{"testdata/plan.json"}, Scope: []soc2.Category{soc2.Security},
			Rules:  []evidence.RuleRecord{{ID: "AWS-S3-001", Criteria: []string{"CC6.1"}, Digest: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}},
			Report: rep,
		})
		if err != nil {
			log.Fatal(err)
		}
	}
	res, err := evidence.Verify(dir, 24*time.Hour)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Runs, "runs")
	for _, p := range res.Problems {
		fmt.Println(p)
	}
	// Output:
	// 2 runs
	// no run between 2026-03-01T06:00:00Z and 2026-03-02T18:00:00Z (36h > 24h)
}
