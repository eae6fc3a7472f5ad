package evidence

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/soc2scan/soc2scan/internal/golden"
	"github.com/soc2scan/soc2scan/internal/htmlcheck"

	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

func TestPeriodHTMLGolden(t *testing.T) {
	t.Parallel()
	p, err := Period(periodLedger(t), at("2026-01-01", 0), at("2026-01-08", 0), soc2.NewScope())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := PeriodHTML(&b, p); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "period", "period.html.golden"), b.String())
}

// TestPeriodHTMLCounts: every count the page marks with a JSON pointer
// (data-json) shows the value at it in the period report's JSON.
func TestPeriodHTMLCounts(t *testing.T) {
	t.Parallel()
	p, err := Period(periodLedger(t), at("2026-01-01", 0), at("2026-01-08", 0), soc2.NewScope())
	if err != nil {
		t.Fatal(err)
	}
	var page, doc bytes.Buffer
	if err := PeriodHTML(&page, p); err != nil {
		t.Fatal(err)
	}
	if err := PeriodJSON(&doc, p); err != nil {
		t.Fatal(err)
	}
	n, problems, err := htmlcheck.Counts(page.String(), "data-json", doc.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	// 10 totals, 4 criteria statuses, 5 per criterion, 5 per rule of a
	// criterion (CC6.1 has two rules, CC7.2 one), 2 per week with runs of
	// the timelines of the criteria with rules (CC6.1, CC7.2: the first
	// week; the second has no run).
	if want := 10 + 4 + 5*len(p.Criteria) + 5*3 + 2*2; n != want {
		t.Errorf("%d counts marked, want %d", n, want)
	}
}

// TestPeriodHTMLEscapes: resource names, messages and waiver reasons from
// the scanned files cannot add markup.
func TestPeriodHTMLEscapes(t *testing.T) {
	t.Parallel()
	const evil = `<script>alert(1)</script>`
	rep := &report.Report{
		Findings: []report.Finding{{RuleID: "AWS-S3-001", Severity: report.High, Resource: evil, Source: evil, Location: report.Location{File: evil, Line: 1},
			Message: `" onmouseover="x` + evil, Waiver: &report.Waiver{Reason: evil, Owner: evil, Origin: report.Location{File: evil}}}},
		Checks: []report.Check{{RuleID: "AWS-S3-001", Resource: evil, Source: evil, Status: report.Fail, Accepted: true}},
	}
	rep.Finalize(1, 1, 1)
	dir := t.TempDir()
	run := craftedRun(runID(1), periodRun{at: at("2026-01-01", 6), digest: strings.Repeat("1", 64)})
	run.Report = rep
	if _, err := Write(dir, run); err != nil {
		t.Fatal(err)
	}
	p, err := Period(dir, at("2026-01-01", 0), at("2026-01-01", 0), soc2.NewScope())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Findings) != 1 || len(p.Waivers) != 1 {
		t.Fatalf("%d findings, %d waivers; want 1 of each", len(p.Findings), len(p.Waivers))
	}
	var b bytes.Buffer
	if err := PeriodHTML(&b, p); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if strings.Count(page, "<script") != 1 || strings.Contains(page, `" onmouseover=`) {
		t.Error("untrusted text is not escaped")
	}
	if !strings.Contains(page, "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>") {
		t.Error("the resource's name is not shown, escaped")
	}
}
