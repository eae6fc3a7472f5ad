package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/soc2scan/soc2scan/pkg/evidence"
	"github.com/soc2scan/soc2scan/pkg/scan"
)

// evidenceDir scans the example plan n times, a day apart, keeping
// evidence in a new directory.
var evidenceOnce = sync.OnceValues(func() (*scan.Scanner, error) { return scan.New() })

func evidenceDir(t *testing.T, starts ...time.Time) string {
	t.Helper()
	s, err := evidenceOnce()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Scan(context.Background(), scan.Path(example))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, start := range starts {
		if _, err := writeEvidence(dir, s, rep, []string{example}, start); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEvidenceBundleOfScan(t *testing.T) {
	t.Parallel()
	dir := evidenceDir(t, time.Now())
	runs, err := os.ReadDir(filepath.Join(dir, evidence.RunsDir))
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs: %v %v", runs, err)
	}
	bundle := filepath.Join(dir, evidence.RunsDir, runs[0].Name())
	var rec evidence.RunRecord
	b, err := os.ReadFile(filepath.Join(bundle, evidence.RunFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	s, _ := evidenceOnce()
	if len(rec.RuleSet.Rules) != len(s.Rules()) || len(rec.RuleSet.Library) == 0 {
		t.Errorf("rule set has %d rules and %d library files; the scanner runs %d rules", len(rec.RuleSet.Rules), len(rec.RuleSet.Library), len(s.Rules()))
	}
	for _, r := range rec.RuleSet.Rules {
		if len(r.Digest) != 64 {
			t.Errorf("rule %s: digest %q", r.ID, r.Digest)
		}
	}
	if len(rec.Inputs) != 1 || rec.Inputs[0].Path != example || len(rec.Inputs[0].SHA256) != 64 {
		t.Errorf("inputs %+v", rec.Inputs)
	}
	evals, err := os.ReadFile(filepath.Join(bundle, evidence.EvaluationsFile))
	if err != nil {
		t.Fatal(err)
	}
	rep, _ := s.Scan(context.Background(), scan.Path(example))
	if n := bytes.Count(evals, []byte("\n")); n != len(rep.Checks) || n == 0 {
		t.Errorf("%d evaluations for %d checks", n, len(rep.Checks))
	}
	total := rec.Counts.Total
	if total.Pass+total.Fail+total.Unknown+total.Waived != len(rep.Checks) || total.Fail == 0 || total.Pass == 0 {
		t.Errorf("counts %+v for %d checks", total, len(rep.Checks))
	}
}

func TestEvidenceVerify(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)
	clean := evidenceDir(t, day, day.Add(24*time.Hour), day.Add(60*time.Hour))
	tampered := evidenceDir(t, day)
	runs, _ := os.ReadDir(filepath.Join(tampered, evidence.RunsDir))
	evals := filepath.Join(tampered, evidence.RunsDir, runs[0].Name(), evidence.EvaluationsFile)
	os.Chmod(evals, 0o644)
	if err := os.WriteFile(evals, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, evidence.LedgerFile), []byte("not json\n"), 0o644)

	tests := []struct {
		name       string
		args       []string
		want       int
		wantStdout string
		wantStderr string
	}{
		{"clean", []string{"evidence", "verify", clean}, exitOK, "", "3 run(s) from 2026-03-01T06:00:00Z to 2026-03-03T18:00:00Z, 0 problem(s)"},
		{"cadence", []string{"evidence", "verify", "--cadence", "24h", "--as-of", "2026-03-04", clean}, exitFindings,
			"no run between 2026-03-02T06:00:00Z and 2026-03-03T18:00:00Z (36h > 24h)\n", "1 problem(s)"},
		{"cadence as of", []string{"evidence", "verify", "--cadence", "36h", "--as-of", "2026-03-06T18:00:00Z", clean}, exitFindings,
			"no run since 2026-03-03T18:00:00Z, as of 2026-03-06T18:00:00Z (72h > 36h)\n", "1 problem(s)"},
		{"cadence as of none", []string{"evidence", "verify", "--cadence", "36h", "--as-of", "none", clean}, exitOK, "", "0 problem(s)"},
		{"bad as of", []string{"evidence", "verify", "--cadence", "36h", "--as-of", "yesterday", clean}, exitError, "", "--as-of \"yesterday\""},
		{"tampered", []string{"evidence", "verify", tampered}, exitFindings,
			"run " + runs[0].Name() + ": evaluations.jsonl: sha256 mismatch\n", "1 problem(s)"},
		{"foreign ledger", []string{"evidence", "verify", foreign}, exitError, "", filepath.Join(foreign, evidence.LedgerFile) + ": not a soc2scan evidence ledger"},
		{"missing dir", []string{"evidence", "verify", filepath.Join(clean, "nope")}, exitError, "", "no such file or directory"},
		{"no dir", []string{"evidence", "verify"}, exitError, "", "needs one DIR"},
		{"bad cadence", []string{"evidence", "verify", "--cadence", "daily", clean}, exitError, "", "invalid argument"},
		{"negative cadence", []string{"evidence", "verify", "--cadence", "-1h", clean}, exitError, "", "must not be negative"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != tc.want || stdout != tc.wantStdout || !strings.Contains(stderr, tc.wantStderr) {
				t.Errorf("exit %d, want %d\nstdout: %q, want %q\nstderr: %q, want it to contain %q", code, tc.want, stdout, tc.wantStdout, stderr, tc.wantStderr)
			}
		})
	}
}
