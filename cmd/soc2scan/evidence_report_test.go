package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/soc2scan/soc2scan/pkg/evidence"
)

func TestEvidenceReport(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)
	// Three runs; the one on 5 March is after the period.
	dir := evidenceDir(t, day, day.Add(48*time.Hour), day.Add(96*time.Hour))
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, evidence.LedgerFile), []byte("not json\n"), 0o644)
	period := []string{"--from", "2026-03-01", "--to", "2026-03-04"}
	args := func(extra ...string) []string {
		return append(append([]string{"evidence", "report", dir}, period...), extra...)
	}

	tests := []struct {
		name       string
		args       []string
		want       int
		wantStdout string // a part of it
		wantStderr string // a part of it
	}{
		{"text", args(), exitOK, "Days covered: 2 of 4; no run on 2026-03-02, 2026-03-04", ""},
		{"markdown", args("--format", "markdown"), exitOK, "# SOC 2 period report\n", ""},
		{"json", args("--format", "json", "--categories", "availability"), exitOK, `"schema": "soc2scan.period/v1"`, ""},
		{"csv", args("--format", "csv"), exitOK, "run_id,run_time,criteria,rule_id,rule_sha256,resource,file,line,status,waiver_reason\n", ""},
		{"no from", []string{"evidence", "report", dir, "--to", "2026-03-04"}, exitError, "", "--from is required"},
		{"bad date", args("--from", "1 March"), exitError, "", `--from "1 March": want a date`},
		{"to before from", args("--to", "2026-02-01"), exitError, "", "--to 2026-02-01 is before --from 2026-03-01"},
		{"bad format", args("--format", "xml"), exitError, "", `unknown --format "xml"`},
		{"bad category", args("--categories", "speed"), exitError, "", "--categories: unknown trust services category"},
		{"no dir", append([]string{"evidence", "report"}, period...), exitError, "", "needs one DIR"},
		{"missing dir", append([]string{"evidence", "report", filepath.Join(dir, "nope")}, period...), exitError, "", "no such file or directory"},
		{"foreign ledger", append([]string{"evidence", "report", foreign}, period...), exitError, "",
			filepath.Join(foreign, evidence.LedgerFile) + ":1: not a ledger entry"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != tc.want || !strings.Contains(stdout, tc.wantStdout) || !strings.Contains(stderr, tc.wantStderr) ||
				(tc.want != exitOK && stdout != "") {
				t.Errorf("exit %d, want %d\nstdout: %.400q, want it to contain %q\nstderr: %q, want it to contain %q",
					code, tc.want, stdout, tc.wantStdout, stderr, tc.wantStderr)
			}
		})
	}
}

// TestEvidenceReportFiles checks the JSON's counts and that CSV has one
// row per evaluation of each run in the period, written with -o.
func TestEvidenceReportFiles(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)
	dir := evidenceDir(t, day, day.Add(24*time.Hour), day.Add(30*24*time.Hour))
	out := t.TempDir()
	jsonFile, csvFile := filepath.Join(out, "period.json"), filepath.Join(out, "period.csv")
	for _, f := range []struct{ format, file string }{{"json", jsonFile}, {"csv", csvFile}} {
		code, stdout, stderr := runCLI(t, "evidence", "report", dir, "--from", "2026-03-01", "--to", "2026-03-10", "--format", f.format, "-o", f.file)
		if code != exitOK || stdout != "" || stderr != "" {
			t.Fatalf("%s: exit %d, stdout %q, stderr %q", f.format, code, stdout, stderr)
		}
	}
	var p evidence.PeriodReport
	data, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	if p.Runs != 2 || p.DaysCovered != 2 || p.Days != 10 || len(p.Criteria) != 61 || len(p.Rules) == 0 || p.Summary.Findings == 0 || p.Summary.Open == 0 {
		t.Errorf("runs %d, days %d/%d, %d criteria, %d rules, summary %+v", p.Runs, p.DaysCovered, p.Days, len(p.Criteria), len(p.Rules), p.Summary)
	}
	f, err := os.Open(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	runs, _ := os.ReadDir(filepath.Join(dir, evidence.RunsDir))
	evals, err := os.ReadFile(filepath.Join(dir, evidence.RunsDir, runs[0].Name(), evidence.EvaluationsFile))
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + 2*strings.Count(string(evals), "\n"); len(rows) != want {
		t.Errorf("%d CSV rows, want %d (a header and a row per evaluation of the 2 runs)", len(rows), want)
	}
}
