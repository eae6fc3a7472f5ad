package evidence

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/internal/golden"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// check is one evaluation of a crafted run: rule, resource, status, and
// for "waived" the waiver's expiry.
type check struct {
	rule, resource, status, expires string
}

// periodRun is a crafted run: when, with which digest of AWS-S3-001, and
// its checks.
type periodRun struct {
	at     time.Time
	digest string
	checks []check
}

func at(date string, hour int) time.Time {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		panic(err)
	}
	return t.Add(time.Duration(hour) * time.Hour)
}

// periodLedger is the story the period tests tell, in 2026-01:
//   - 31 Dec (before the period) and 11 Jan (after): ignored.
//   - 1 Jan: logs fails AWS-S3-001; old fails AWS-S3-002.
//   - 2 Jan: logs waived until 4 Jan; old still fails.
//   - 3 Jan: no run (a gap).
//   - 4 Jan: AWS-S3-001's logic changes (rule-set digest change); logs
//     waived; old no longer evaluated (removed).
//   - 5 Jan: the waiver expired: logs fails again; data fails.
//   - 6 Jan, two runs: data fixed in the first, logs in the second.
//   - 7 and 8 Jan: no run.
func periodLedger(t testing.TB) string {
	t.Helper()
	const d1, d2 = "1111111111111111111111111111111111111111111111111111111111111111", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	pass := func(rule, res string) check { return check{rule, res, "pass", ""} }
	fail := func(rule, res string) check { return check{rule, res, "fail", ""} }
	runs := []periodRun{
		{at("2025-12-31", 6), d1, []check{fail("AWS-S3-001", "aws_s3_bucket.logs")}},
		{at("2026-01-01", 6), d1, []check{pass("AWS-S3-001", "aws_s3_bucket.data"), fail("AWS-S3-001", "aws_s3_bucket.logs"), fail("AWS-S3-002", "aws_s3_bucket.old")}},
		{at("2026-01-02", 6), d1, []check{pass("AWS-S3-001", "aws_s3_bucket.data"), {"AWS-S3-001", "aws_s3_bucket.logs", "waived", "2026-01-04"}, fail("AWS-S3-002", "aws_s3_bucket.old")}},
		{at("2026-01-04", 6), d2, []check{pass("AWS-S3-001", "aws_s3_bucket.data"), {"AWS-S3-001", "aws_s3_bucket.logs", "waived", "2026-01-04"}, pass("AWS-S3-002", "aws_s3_bucket.data")}},
		{at("2026-01-05", 6), d2, []check{fail("AWS-S3-001", "aws_s3_bucket.data"), fail("AWS-S3-001", "aws_s3_bucket.logs"), {"AWS-S3-002", "aws_s3_bucket.data", "unknown", ""}}},
		{at("2026-01-06", 6), d2, []check{pass("AWS-S3-001", "aws_s3_bucket.data"), fail("AWS-S3-001", "aws_s3_bucket.logs"), pass("AWS-S3-002", "aws_s3_bucket.data")}},
		{at("2026-01-06", 18), d2, []check{pass("AWS-S3-001", "aws_s3_bucket.data"), pass("AWS-S3-001", "aws_s3_bucket.logs"), pass("AWS-S3-002", "aws_s3_bucket.data")}},
		{at("2026-01-11", 6), d2, []check{fail("AWS-S3-002", "aws_s3_bucket.data")}},
	}
	dir := t.TempDir()
	for i, r := range runs {
		if _, err := Write(dir, craftedRun(runID(i+1), r)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func craftedRun(id string, r periodRun) Run {
	const plan = "plan.json"
	rep := &report.Report{}
	for i, c := range r.checks {
		ch := report.Check{RuleID: c.rule, Resource: c.resource, Source: plan, Status: report.Status(c.status)}
		if c.status == "fail" || c.status == "waived" {
			ch.Status = report.Fail
			f := report.Finding{RuleID: c.rule, Severity: report.High, Resource: c.resource, Source: plan,
				Location: report.Location{File: plan, Line: 10 * (i + 1)}, Message: c.resource + " is not encrypted"}
			if c.status == "waived" {
				ch.Accepted = true
				f.Waiver = &report.Waiver{Reason: "migrating to KMS", Owner: "platform", Expires: c.expires, Origin: report.Location{File: ".soc2scan.yaml", Line: 3}}
			}
			rep.Findings = append(rep.Findings, f)
		}
		rep.Checks = append(rep.Checks, ch)
	}
	rep.Finalize(1, 3, 2)
	return Run{ID: id, Start: r.at, End: r.at.Add(time.Minute), Tool: "soc2scan", Version: "v1.0.0",
		Scope: []soc2.Category{soc2.Security}, Report: rep,
		Rules: []RuleRecord{
			{ID: "AWS-S3-001", Criteria: []string{"CC6.1"}, Digest: r.digest},
			{ID: "AWS-S3-002", Criteria: []string{"CC6.1", "CC7.2"}, Digest: strings.Repeat("2", 64)},
		}}
}

func TestPeriod(t *testing.T) {
	t.Parallel()
	p, err := Period(periodLedger(t), at("2026-01-01", 0), at("2026-01-08", 0), soc2.NewScope())
	if err != nil {
		t.Fatal(err)
	}
	ptr := func(t time.Time) *time.Time { return &t }
	type summary struct {
		Runs, Days, DaysCovered int
		Gaps                    []Gap
		Changes                 int
		Changed                 []string
	}
	got := summary{p.Runs, p.Days, p.DaysCovered, p.Gaps, len(p.RuleSetChanges), nil}
	if len(p.RuleSetChanges) > 0 {
		got.Changed = p.RuleSetChanges[0].Changed
	}
	want := summary{6, 8, 5, []Gap{{"2026-01-03", "2026-01-03", 1}, {"2026-01-07", "2026-01-08", 2}}, 1, []string{"AWS-S3-001"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("period (-want +got):\n%s", diff)
	}

	wantFindings := []PeriodFinding{
		{RuleID: "AWS-S3-001", Criteria: []string{"CC6.1"}, Severity: "high", Resource: "aws_s3_bucket.data", Source: "plan.json",
			File: "plan.json", Line: 10, Message: "aws_s3_bucket.data is not encrypted", FirstSeen: at("2026-01-05", 6), FirstRun: runID(5),
			Fixed: ptr(at("2026-01-06", 6)), Remediated: ptr(at("2026-01-06", 6)), TimeToRemediate: 86400, LastSeen: at("2026-01-05", 6), State: FindingFixed},
		{RuleID: "AWS-S3-001", Criteria: []string{"CC6.1"}, Severity: "high", Resource: "aws_s3_bucket.logs", Source: "plan.json",
			File: "plan.json", Line: 20, Message: "aws_s3_bucket.logs is not encrypted", FirstSeen: at("2026-01-01", 6), FirstRun: runID(2),
			OpenAtStart: true, Waived: ptr(at("2026-01-02", 6)), Fixed: ptr(at("2026-01-06", 18)), Remediated: ptr(at("2026-01-02", 6)),
			TimeToRemediate: 86400, LastSeen: at("2026-01-06", 6), State: FindingFixed},
		{RuleID: "AWS-S3-002", Criteria: []string{"CC6.1", "CC7.2"}, Severity: "high", Resource: "aws_s3_bucket.old", Source: "plan.json",
			File: "plan.json", Line: 30, Message: "aws_s3_bucket.old is not encrypted", FirstSeen: at("2026-01-01", 6), FirstRun: runID(2),
			OpenAtStart: true, LastSeen: at("2026-01-02", 6), State: FindingNotEvaluated},
	}
	if diff := cmp.Diff(wantFindings, p.Findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	wantWaivers := []PeriodWaiver{{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.logs", Source: "plan.json", Reason: "migrating to KMS",
		Owner: "platform", Expires: "2026-01-04", Origin: ".soc2scan.yaml:3", From: at("2026-01-02", 6), To: at("2026-01-04", 6),
		State: WaiverExpired, Ended: ptr(at("2026-01-05", 6))}}
	if diff := cmp.Diff(wantWaivers, p.Waivers); diff != "" {
		t.Errorf("waivers (-want +got):\n%s", diff)
	}

	type ruleCounts struct {
		ID                          string
		Runs, Checked, Passing      int
		DaysCovered, Resources      int
		Findings, Open, GapsInRules int
	}
	var rules []ruleCounts
	for _, r := range p.Rules {
		rules = append(rules, ruleCounts{r.ID, r.Runs, r.RunsChecked, r.RunsPassing, r.DaysCovered, r.Resources, r.Findings, r.Open, len(r.Gaps)})
	}
	// AWS-S3-001 fails on 1, 5 and 6 Jan (morning); AWS-S3-002 on 1 and 2 Jan.
	wantRules := []ruleCounts{{"AWS-S3-001", 6, 6, 3, 5, 2, 2, 0, 2}, {"AWS-S3-002", 6, 6, 4, 5, 2, 1, 0, 2}}
	if diff := cmp.Diff(wantRules, rules); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	statuses := map[string]report.CriterionStatus{}
	for _, c := range p.Criteria {
		statuses[c.ID] = c.Status
	}
	if statuses["CC6.1"] != report.CriterionFailed || statuses["CC7.2"] != report.CriterionFailed || statuses["CC1.1"] != report.CriterionManual ||
		len(p.Criteria) != 33 {
		t.Errorf("criteria: %d, CC6.1 %s, CC7.2 %s, CC1.1 %s", len(p.Criteria), statuses["CC6.1"], statuses["CC7.2"], statuses["CC1.1"])
	}
	cc61 := p.Criteria[slicesIndex(p.Criteria, "CC6.1")]
	if cc61.RunsChecked != 6 || cc61.RunsPassing != 2 || cc61.Resources != 3 {
		t.Errorf("CC6.1: %d checked, %d passing, %d resources; want 6, 2, 3", cc61.RunsChecked, cc61.RunsPassing, cc61.Resources)
	}
	wantTimeline := []PeriodBucket{{"2026-01-01", "2026-01-07", 6, 2}, {"2026-01-08", "2026-01-08", 0, 0}}
	if diff := cmp.Diff(wantTimeline, cc61.Timeline); p.Bucket != "week" || diff != "" {
		t.Errorf("CC6.1 timeline by %s (-want +got):\n%s", p.Bucket, diff)
	}
}

func TestPeriodBuckets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		from       string
		days       int
		wantUnit   string
		wantFromTo []string
	}{
		{"2026-01-01", 1, "week", []string{"2026-01-01..2026-01-01"}},
		{"2026-01-01", 15, "week", []string{"2026-01-01..2026-01-07", "2026-01-08..2026-01-14", "2026-01-15..2026-01-15"}},
		{"2026-02-15", 92, "week", nil}, // 14 buckets, checked by count below
		{"2026-01-15", 93, "month", []string{"2026-01-15..2026-01-31", "2026-02-01..2026-02-28", "2026-03-01..2026-03-31", "2026-04-01..2026-04-17"}},
		{"2026-01-01", 365, "month", nil},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s+%d", tc.from, tc.days), func(t *testing.T) {
			from, _ := time.Parse(time.DateOnly, tc.from)
			unit, buckets, ofDay := periodBuckets(from, tc.days)
			var got []string
			covered := 0
			for i, b := range buckets {
				got = append(got, b.From+".."+b.To)
				f, _ := time.Parse(time.DateOnly, b.From)
				e, _ := time.Parse(time.DateOnly, b.To)
				for d := int(f.Sub(from) / day); d <= int(e.Sub(from)/day); d++ {
					if ofDay[d] != i {
						t.Fatalf("day %d in bucket %d, want %d", d, ofDay[d], i)
					}
					covered++
				}
			}
			if unit != tc.wantUnit || covered != tc.days || len(ofDay) != tc.days {
				t.Errorf("unit %s covering %d of %d days", unit, covered, tc.days)
			}
			if tc.wantFromTo != nil {
				if diff := cmp.Diff(tc.wantFromTo, got); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			} else if want := map[string]int{"week": 14, "month": 12}[unit]; len(got) != want {
				t.Errorf("%d buckets, want %d: %v", len(got), want, got)
			}
		})
	}
}

func slicesIndex(cs []PeriodCriterion, id string) int {
	for i, c := range cs {
		if c.ID == id {
			return i
		}
	}
	return -1
}

func TestPeriodGolden(t *testing.T) {
	t.Parallel()
	p, err := Period(periodLedger(t), at("2026-01-01", 0), at("2026-01-08", 0), soc2.NewScope())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"period.txt", func(b *bytes.Buffer) error { return PeriodText(b, p) }},
		{"period.md", func(b *bytes.Buffer) error { return PeriodMarkdown(b, p) }},
		{"period.json", func(b *bytes.Buffer) error { return PeriodJSON(b, p) }},
		{"period.csv", func(b *bytes.Buffer) error { return PeriodCSV(b, p) }},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "period", tc.file+".golden"), b.String())
		})
	}
}

func TestPeriodEmpty(t *testing.T) {
	t.Parallel()
	p, err := Period(periodLedger(t), at("2027-01-01", 0), at("2027-01-02", 0), soc2.NewScope())
	if err != nil {
		t.Fatal(err)
	}
	if p.Runs != 0 || p.DaysCovered != 0 || len(p.Gaps) != 1 || p.Criteria[0].Status != report.CriterionManual {
		t.Errorf("empty period: %+v", p)
	}
	var b bytes.Buffer
	for _, w := range []func(*bytes.Buffer, *PeriodReport) error{
		func(b *bytes.Buffer, p *PeriodReport) error { return PeriodText(b, p) },
		func(b *bytes.Buffer, p *PeriodReport) error { return PeriodMarkdown(b, p) },
		func(b *bytes.Buffer, p *PeriodReport) error { return PeriodJSON(b, p) },
		func(b *bytes.Buffer, p *PeriodReport) error { return PeriodCSV(b, p) },
	} {
		if err := w(&b, p); err != nil {
			t.Error(err)
		}
	}
}

// TestPeriodErrors: a corrupt or foreign file is an error naming it, and
// the directory is left as it was.
func TestPeriodErrors(t *testing.T) {
	t.Parallel()
	from, to := at("2026-01-01", 0), at("2026-01-08", 0)
	tests := []struct {
		name    string
		damage  func(t *testing.T, dir string)
		from    time.Time
		wantErr string
	}{
		{"no ledger", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, LedgerFile)) }, from, "ledger.jsonl: no such file"},
		{"foreign ledger", func(t *testing.T, dir string) { overwrite(t, filepath.Join(dir, LedgerFile), "hello\n") }, from,
			"ledger.jsonl:1: not a ledger entry"},
		{"foreign run.json", func(t *testing.T, dir string) {
			overwrite(t, filepath.Join(dir, RunsDir, runID(3), RunFile), `{"schema":"other"}`)
		}, from, filepath.Join(runID(3), RunFile) + ": not a soc2scan run record"},
		{"corrupt evaluations", func(t *testing.T, dir string) {
			overwrite(t, filepath.Join(dir, RunsDir, runID(4), EvaluationsFile), `{"rule_id":"X","resource":"r","status":"pass"}`+"\n{\"rule_id\":\n")
		}, from, filepath.Join(runID(4), EvaluationsFile) + ":2: not a soc2scan evaluation"},
		{"bad status", func(t *testing.T, dir string) {
			overwrite(t, filepath.Join(dir, RunsDir, runID(4), EvaluationsFile), `{"rule_id":"X","resource":"r","status":"maybe"}`+"\n")
		}, from, `:1: not a soc2scan evaluation: status "maybe"`},
		{"missing bundle", func(t *testing.T, dir string) { os.RemoveAll(filepath.Join(dir, RunsDir, runID(2))) }, from,
			filepath.Join(runID(2), RunFile) + ": no such file"},
		{"to before from", func(t *testing.T, dir string) {}, to.AddDate(0, 0, 1), "before it starts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := periodLedger(t)
			tc.damage(t, dir)
			before := listing(t, dir)
			_, err := Period(dir, tc.from, to, soc2.NewScope())
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tc.wantErr)
			}
			if diff := cmp.Diff(before, listing(t, dir)); diff != "" {
				t.Errorf("directory changed (-before +after):\n%s", diff)
			}
		})
	}
}

func overwrite(t *testing.T, path, content string) {
	t.Helper()
	os.Chmod(path, 0o644)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// listing names every file under dir with its size and modification time.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil {
			out = append(out, fmt.Sprint(path, " ", info.ModTime(), " ", info.Size()))
		}
		return nil
	})
	return out
}

func TestEvalLineParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, line string
		want       string // rule|resource|status|line|criteria|reason, or the error
	}{
		{"as written", `{"rule_id":"R","criteria":["CC6.1","CC7.2"],"rule_sha256":"d","resource":"a.b","source":"p","file":"p","line":7,"status":"waived","baseline":false,"waiver_reason":"why"}`,
			"R|a.b|waived|7|CC6.1;CC7.2|why"},
		{"spaces", ` { "rule_id" : "R" , "criteria" : [ ] , "resource" : "x" , "status" : "pass" } `, "R|x|pass|0||"},
		{"escaped", `{"rule_id":"R","criteria":[],"resource":"a[\"k\"]","status":"fail","waiver_reason":"\u00e9"}`, `R|a["k"]|fail|0||é`},
		{"unknown field", `{"rule_id":"R","resource":"x","status":"unknown","extra":{"a":1}}`, "error"},
		{"not an object", `["rule_id"]`, "error"},
		{"trailing", `{"rule_id":"R","resource":"x","status":"pass"} {}`, "error"},
		{"no status", `{"rule_id":"R","resource":"x"}`, "error"},
		{"string line", `{"rule_id":"R","resource":"x","status":"pass","line":"7"}`, "error"},
		{"unterminated", `{"rule_id":"R`, "error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var l evalLine
			got := "error"
			if err := l.parse([]byte(tc.line)); err == nil {
				got = strings.Join([]string{string(l.rule), string(l.resource), string(l.status), strconv.Itoa(l.line),
					strings.Join(l.criteriaList(), ";"), string(l.reason)}, "|")
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzEvalLine(f *testing.F) {
	f.Add([]byte(`{"rule_id":"R","criteria":["CC6.1"],"resource":"a","status":"pass","line":3}`))
	f.Add([]byte(`{"rule_id":"R","resource":"a\"","status":"fail"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var l evalLine
		if l.parse(b) == nil {
			l.criteriaList()
		}
	})
}

// BenchmarkPeriod builds the period report of a ledger of 1,000 daily runs
// × 10,000 evaluations (written once before timing, as for BenchmarkVerify;
// with -short 100 runs): "steady" runs scan an unchanged configuration,
// "churn" runs differ in every evaluation line (see generate).
func BenchmarkPeriod(b *testing.B) {
	runs, evals := 1000, 10000
	if testing.Short() {
		runs = 100
	}
	for _, churn := range []bool{false, true} {
		name := map[bool]string{false: "steady", true: "churn"}[churn]
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			generate(b, dir, runs, evals, churn)
			from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			b.ReportAllocs()
			for b.Loop() {
				p, err := Period(dir, from, from.AddDate(0, 0, runs-1), soc2.FullScope())
				if err != nil {
					b.Fatal(err)
				}
				if p.Runs != runs || len(p.Findings) != evals/20 {
					b.Fatalf("%d runs, %d findings", p.Runs, len(p.Findings))
				}
			}
		})
	}
}
