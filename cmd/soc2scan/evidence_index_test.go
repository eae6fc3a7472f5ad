package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/pkg/evidence"
	"github.com/soc2scan/soc2scan/pkg/evidence/index"
	"github.com/soc2scan/soc2scan/pkg/scan"
)

func TestEvidenceIndex(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)
	dir := evidenceDir(t, day, day.Add(24*time.Hour))
	runs, _ := os.ReadDir(filepath.Join(dir, evidence.RunsDir))
	evals, err := os.ReadFile(filepath.Join(dir, evidence.RunsDir, runs[0].Name(), evidence.EvaluationsFile))
	if err != nil {
		t.Fatal(err)
	}
	n := strings.Count(string(evals), "\n")
	db := filepath.Join(dir, index.File)
	elsewhere := filepath.Join(t.TempDir(), "evidence.sqlite")
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, evidence.LedgerFile), []byte("not json\n"), 0o644)

	// In order: the second build finds the index up to date.
	tests := []struct {
		name       string
		args       []string
		want       int
		wantStdout string
		wantStderr string // a part of it
	}{
		{"build", []string{"evidence", "index", dir}, exitOK,
			db + ": 2 run(s), " + strconv.Itoa(2*n) + " evaluation(s) built from scratch, 2 ledger line(s)\n", ""},
		{"up to date", []string{"evidence", "index", dir}, exitOK, db + ": up to date, 2 ledger line(s)\n", ""},
		{"--db", []string{"evidence", "index", dir, "--db", elsewhere}, exitOK,
			elsewhere + ": 2 run(s), " + strconv.Itoa(2*n) + " evaluation(s) built from scratch, 2 ledger line(s)\n", ""},
		{"foreign ledger", []string{"evidence", "index", foreign}, exitError, "", filepath.Join(foreign, evidence.LedgerFile) + ":1: not a ledger entry"},
		{"missing dir", []string{"evidence", "index", filepath.Join(dir, "nope")}, exitError, "", "no such file or directory"},
		{"no dir", []string{"evidence", "index"}, exitError, "", "needs one DIR"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != tc.want || stdout != tc.wantStdout || !strings.Contains(stderr, tc.wantStderr) {
				t.Errorf("exit %d, want %d\nstdout: %q, want %q\nstderr: %q, want it to contain %q",
					code, tc.want, stdout, tc.wantStdout, stderr, tc.wantStderr)
			}
		})
	}
	if entries, _ := os.ReadDir(foreign); len(entries) != 1 {
		t.Errorf("files in a directory whose ledger is foreign: %v", entries)
	}
}

func TestEvidenceQuery(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)
	dir := evidenceDir(t, day, day.Add(24*time.Hour), day.Add(25*time.Hour))
	perDay := "SELECT date(time) AS day, count(*) AS runs FROM runs GROUP BY day ORDER BY day"
	tests := []struct {
		name       string
		args       []string
		want       int
		wantStdout string
		wantStderr string // a part of it
	}{
		{"text", []string{"evidence", "query", dir, perDay}, exitOK, "day         runs\n2026-03-01  1\n2026-03-02  2\n", ""},
		{"json", []string{"evidence", "query", dir, perDay, "--format", "json"}, exitOK,
			"[\n{\"day\":\"2026-03-01\",\"runs\":1},\n{\"day\":\"2026-03-02\",\"runs\":2}\n]\n", ""},
		{"csv", []string{"evidence", "query", dir, perDay, "--format", "csv"}, exitOK, "day,runs\n2026-03-01,1\n2026-03-02,2\n", ""},
		{"null, float and escapes", []string{"evidence", "query", dir, `SELECT NULL AS n, 0.5 AS f, 'a	b' || char(10) || 'c' AS s`}, exitOK,
			"n  f    s\n   0.5  a\\tb\\nc\n", ""},
		{"json of no rows", []string{"evidence", "query", dir, "SELECT * FROM runs WHERE 0", "--format", "json"}, exitOK, "[\n]\n", ""},
		{"write refused", []string{"evidence", "query", dir, "DELETE FROM evaluations"}, exitError, "", "read-only"},
		{"bad SQL", []string{"evidence", "query", dir, "SELEKT 1"}, exitError, "", "syntax error"},
		{"bad format", []string{"evidence", "query", dir, perDay, "--format", "xml"}, exitError, "", `unknown --format "xml"`},
		{"no SQL", []string{"evidence", "query", dir}, exitError, "", "needs DIR and SQL"},
		{"missing dir", []string{"evidence", "query", filepath.Join(dir, "nope"), perDay}, exitError, "", "no such file or directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.args...)
			if code != tc.want || stdout != tc.wantStdout || !strings.Contains(stderr, tc.wantStderr) {
				t.Errorf("exit %d, want %d\nstdout: %q, want %q\nstderr: %q, want it to contain %q",
					code, tc.want, stdout, tc.wantStdout, stderr, tc.wantStderr)
			}
		})
	}
}

// TestEvidenceQueryRefreshes: query builds the index when there is none and
// refreshes it when the ledger grew.
func TestEvidenceQueryRefreshes(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)
	dir := evidenceDir(t, day)
	db := filepath.Join(t.TempDir(), "evidence.sqlite")
	count := func() ([][]string, string) {
		t.Helper()
		code, stdout, stderr := runCLI(t, "evidence", "query", dir, "--db", db, "--format", "csv",
			"SELECT count(*) AS runs, count(DISTINCT version) AS versions FROM runs")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows, stderr
	}
	rows, stderr := count()
	if diff := cmp.Diff([][]string{{"runs", "versions"}, {"1", "1"}}, rows); diff != "" || !strings.Contains(stderr, "built from scratch") {
		t.Errorf("first query (-want +got):\n%s\nstderr: %q", diff, stderr)
	}
	s, _ := evidenceOnce()
	rep, err := s.Scan(t.Context(), scan.Path(example))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := writeEvidence(dir, s, rep, []string{example}, day.Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	rows, stderr = count()
	if diff := cmp.Diff([][]string{{"runs", "versions"}, {"2", "1"}}, rows); diff != "" || !strings.Contains(stderr, "1 run(s)") || !strings.Contains(stderr, "appended") {
		t.Errorf("after a run (-want +got):\n%s\nstderr: %q", diff, stderr)
	}
	if _, stderr = count(); stderr != "" {
		t.Errorf("fresh index refreshed: %q", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, index.File)); err == nil {
		t.Errorf("index written into DIR despite --db")
	}
}
