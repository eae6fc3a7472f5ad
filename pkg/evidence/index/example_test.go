package index_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/soc2scan/soc2scan/pkg/evidence"
	"github.com/soc2scan/soc2scan/pkg/evidence/index"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// Keep the evidence of two daily scans, the second after the bucket was
// fixed, index it, and count each run's failing evaluations of CC6.1.
func Example() {
	dir, err := os.MkdirTemp("", "evidence")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	start := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)
	for day, status := range []report.Status{report.Fail, report.Pass} {
		rep := &report.Report{Checks: []report.Check{
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.logs", Source: "plan.json", Status: status},
		}}
		rep.Finalize(1, 1, 1)
		at := start.AddDate(0, 0, day)
		_, err := evidence.Write(dir, evidence.Run{
			Start: at, End: at.Add(time.Second), Tool: "soc2scan", Version: "v1.0.0", Scope: []soc2.Category{soc2.Security},
			Rules:  []evidence.RuleRecord{{ID: "AWS-S3-001", Criteria: []string{"CC6.1"}, Digest: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}},
			Report: rep,
		})
		if err != nil {
			log.Fatal(err)
		}
	}

	ctx := context.Background()
	st, err := index.Build(ctx, dir, "")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.Runs, "runs,", st.Evaluations, "evaluations")

	rows, err := index.Query(ctx, filepath.Join(dir, index.File), `
		SELECT date(r.time) AS day, count(e.status) AS failing
		FROM runs r
		LEFT JOIN (evaluations e JOIN rule_criteria c USING (rule_id, rule_sha256))
		  ON e.run_id = r.run_id AND e.status = 'fail' AND c.criterion = 'CC6.1'
		GROUP BY r.seq ORDER BY r.seq`)
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()
	fmt.Println(rows.Columns())
	for rows.Next() {
		fmt.Println(rows.Values())
	}
	if err := rows.Err(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// 2 runs, 2 evaluations
	// [day failing]
	// [2026-03-01 1]
	// [2026-03-02 0]
}
