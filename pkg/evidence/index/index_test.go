package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/internal/evidencegen"
	"github.com/soc2scan/soc2scan/pkg/evidence"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

var t0 = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

func runID(i int) string { return fmt.Sprintf("00000000-0000-4000-8000-%012d", i) }

// testRun is run i, a day after run i-1, with five evaluations: AWS-S3-001
// (CC6.1) passing on aws_s3_bucket.data and failing on aws_s3_bucket.logs
// (passing from run fixedFrom on, when it is > 0), AWS-S3-002 (CC7.2)
// waived, AWS-S3-003 (CC6.1, CC7.2) failing in the baseline and unknown.
func testRun(i, fixedFrom int) evidence.Run {
	rep := evidencegen.Sample("plan.json", fixedFrom > 0 && i >= fixedFrom)
	rep.Finalize(1, 4, 3)
	start := t0.AddDate(0, 0, i-1)
	return evidence.Run{
		ID: runID(i), Start: start, End: start.Add(3 * time.Second), Tool: "soc2scan", Version: "v0.9.0", Commit: "abc123",
		Scope: []soc2.Category{soc2.Security},
		Rules: []evidence.RuleRecord{
			{ID: "AWS-S3-001", Criteria: []string{"CC6.1"}, Digest: strings.Repeat("1", 64)},
			{ID: "AWS-S3-002", Criteria: []string{"CC7.2"}, Digest: strings.Repeat("2", 64)},
			{ID: "AWS-S3-003", Criteria: []string{"CC6.1", "CC7.2"}, Digest: strings.Repeat("3", 64)},
		},
		Report: rep,
	}
}

// writeRuns writes runs first to last (see testRun) into the evidence
// directory dir.
func writeRuns(t testing.TB, dir string, first, last, fixedFrom int) {
	t.Helper()
	for i := first; i <= last; i++ {
		if _, err := evidence.Write(dir, testRun(i, fixedFrom)); err != nil {
			t.Fatal(err)
		}
	}
}

// query runs q on the index at db and returns its rows.
func query(t *testing.T, db, q string) [][]any {
	t.Helper()
	rows, err := Query(context.Background(), db, q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	out := [][]any{}
	for rows.Next() {
		out = append(out, append([]any(nil), rows.Values()...))
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

// dump is every row of every table but meta's build time, in a fixed order.
func dump(t *testing.T, db string) map[string][][]any {
	t.Helper()
	return map[string][][]any{
		"meta":          query(t, db, `SELECT * FROM meta WHERE key <> 'built' ORDER BY key`),
		"runs":          query(t, db, `SELECT * FROM runs ORDER BY seq`),
		"rules":         query(t, db, `SELECT * FROM rules ORDER BY run_id, rule_id`),
		"rule_criteria": query(t, db, `SELECT * FROM rule_criteria ORDER BY 1, 2, 3`),
		"evaluations":   query(t, db, `SELECT * FROM evaluations ORDER BY run_id, jsonl_line`),
	}
}

func build(t *testing.T, dir, db string) Stats {
	t.Helper()
	st, err := Build(context.Background(), dir, db)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// countLines counts the lines of a file.
func countLines(t *testing.T, path string) int64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return int64(bytes.Count(b, []byte{'\n'}))
}

func TestBuild(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeRuns(t, dir, 1, 3, 3)
	st := build(t, dir, "")
	if diff := cmp.Diff(Stats{Runs: 3, Evaluations: 15, LedgerLines: 3}, st); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
	db := filepath.Join(dir, File)

	var evals int64
	for i := 1; i <= 3; i++ {
		evals += countLines(t, filepath.Join(dir, evidence.RunsDir, runID(i), evidence.EvaluationsFile))
	}
	counts := [][]any{{countLines(t, filepath.Join(dir, evidence.LedgerFile)), evals, int64(3 * 3), int64(4)}}
	if diff := cmp.Diff(counts, query(t, db, `SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM evaluations),
		(SELECT count(*) FROM rules), (SELECT count(*) FROM rule_criteria)`)); diff != "" {
		t.Errorf("row counts (-want +got):\n%s", diff)
	}

	lines, err := evidence.ReadLedger(dir)
	if err != nil {
		t.Fatal(err)
	}
	wantRun := []any{int64(1), runID(1), "2026-03-01T08:00:00.000000000Z", "2026-03-01T08:00:03.000000000Z", "soc2scan", "v0.9.0", "abc123",
		nil, "security", nil, nil, nil, int64(0), nil, nil, nil, lines[0].Bundle, int64(0), int64(0), int64(1), int64(2), int64(1), int64(1)}
	got := query(t, db, `SELECT * FROM runs WHERE seq = 1`)
	if len(got) == 1 && len(got[0]) == len(wantRun) {
		wantRun[7] = got[0][7] // rule_set_sha256, checked below
	}
	if diff := cmp.Diff([][]any{wantRun}, got); diff != "" {
		t.Errorf("run 1 (-want +got):\n%s", diff)
	}
	rec, err := evidence.ReadRun(dir, lines[0].LedgerEntry)
	if err != nil {
		t.Fatal(err)
	}
	if got[0][7] != rec.RuleSet.SHA256 {
		t.Errorf("rule_set_sha256 %v, run.json has %s", got[0][7], rec.RuleSet.SHA256)
	}

	d2 := strings.Repeat("2", 64)
	wantEval := [][]any{{runID(1), int64(3), "AWS-S3-002", d2, "aws_s3_bucket.logs", "plan.json", "plan.json", int64(7), "waived", "medium",
		"aws_s3_bucket.logs has no access logging", int64(0), "log bucket itself", "sec@example.com", "2026-12-31", ".soc2scan.yaml:4"}}
	if diff := cmp.Diff(wantEval, query(t, db, `SELECT * FROM evaluations WHERE run_id = '`+runID(1)+`' AND status = 'waived'`)); diff != "" {
		t.Errorf("waived evaluation (-want +got):\n%s", diff)
	}
	meta := query(t, db, `SELECT value FROM meta WHERE key IN ('schema', 'ledger_lines', 'ledger_last_sha256') ORDER BY key`)
	if diff := cmp.Diff([][]any{{lines[2].SHA256}, {"3"}, {Schema}}, meta); diff != "" {
		t.Errorf("meta (-want +got):\n%s", diff)
	}
	if info, err := os.Stat(db); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("index file: %v %v", info, err)
	}
}

func TestQuery(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeRuns(t, dir, 1, 4, 3) // aws_s3_bucket.logs fixed in run 3
	db := filepath.Join(dir, File)
	build(t, dir, db)
	tests := []struct {
		name, sql string
		want      [][]any
	}{
		{"failing evaluations of CC6.1 per run", `
			SELECT r.seq, count(*) FROM runs r
			JOIN evaluations e ON e.run_id = r.run_id
			JOIN rule_criteria c ON c.rule_id = e.rule_id AND c.rule_sha256 = e.rule_sha256
			WHERE c.criterion = 'CC6.1' AND e.status = 'fail'
			GROUP BY r.seq ORDER BY r.seq`,
			[][]any{{int64(1), int64(2)}, {int64(2), int64(2)}, {int64(3), int64(1)}, {int64(4), int64(1)}}},
		{"runs per day", `SELECT date(time) AS day, count(*) FROM runs GROUP BY day ORDER BY day`,
			[][]any{{"2026-03-01", int64(1)}, {"2026-03-02", int64(1)}, {"2026-03-03", int64(1)}, {"2026-03-04", int64(1)}}},
		{"last failure of each finding not in the baseline", `
			SELECT e.rule_id, e.resource, max(r.time) FROM evaluations e JOIN runs r USING (run_id)
			WHERE e.status = 'fail' AND NOT e.baseline GROUP BY 1, 2`,
			[][]any{{"AWS-S3-001", "aws_s3_bucket.logs", "2026-03-02T08:00:00.000000000Z"}}},
		{"criteria of a rule", `SELECT criterion FROM rule_criteria WHERE rule_id = 'AWS-S3-003' ORDER BY 1`,
			[][]any{{"CC6.1"}, {"CC7.2"}}},
		{"schema", `SELECT name FROM pragma_table_info('rules') ORDER BY cid`, [][]any{{"run_id"}, {"rule_id"}, {"rule_sha256"}}},
		{"no rows", `SELECT * FROM runs WHERE run_id = 'none'`, [][]any{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, query(t, db, tc.sql)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestQueryReadOnly: a statement that would write, in the index or
// elsewhere, is refused before it runs.
func TestQueryReadOnly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeRuns(t, dir, 1, 1, 0)
	db := filepath.Join(dir, File)
	build(t, dir, db)
	before, _ := os.ReadFile(db)
	other := filepath.Join(t.TempDir(), "other.db")
	tests := []struct{ name, sql string }{
		{"delete", `DELETE FROM runs`},
		{"update", `UPDATE evaluations SET status = 'pass'`},
		{"insert", `INSERT INTO meta VALUES ('x', 'y')`},
		{"drop", `DROP TABLE evaluations`},
		{"create", `CREATE TABLE t (a)`},
		{"temp table", `CREATE TEMP TABLE t (a)`},
		{"write after a select", `SELECT 1; DELETE FROM runs`},
		{"pragma", `PRAGMA query_only = 0`},
		{"journal mode", `PRAGMA journal_mode = DELETE`},
		{"attach", `ATTACH '` + other + `' AS o`},
		{"vacuum into", `VACUUM INTO '` + other + `'`},
		{"vacuum", `VACUUM`},
		{"transaction", `BEGIN IMMEDIATE`},
		{"reindex", `REINDEX`},
		{"analyze", `ANALYZE`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := Query(context.Background(), db, tc.sql)
			if err == nil {
				for rows.Next() {
				}
				err = rows.Err()
				rows.Close()
			}
			if !errors.Is(err, ErrReadOnly) {
				t.Errorf("error %v, want ErrReadOnly", err)
			}
		})
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the index changed")
	}
	if _, err := os.Stat(other); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s written: %v", other, err)
	}
	if _, err := Query(context.Background(), db, `SELECT nope FROM runs`); err == nil || errors.Is(err, ErrReadOnly) {
		t.Errorf("unknown column: %v", err)
	}
	missing := filepath.Join(dir, "missing.sqlite")
	if _, err := Query(context.Background(), missing, `SELECT 1`); err == nil {
		t.Error("query of a missing index: no error")
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("query created %s", missing)
	}
}

// TestBuildIncremental: runs appended to the ledger are appended to the
// index, which ends as a build from scratch would make it.
func TestBuildIncremental(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// A name that a file: URI must escape.
	db := filepath.Join(t.TempDir(), "odd #%20 name", "index.sqlite")
	if err := os.Mkdir(filepath.Dir(db), 0o755); err != nil {
		t.Fatal(err)
	}
	writeRuns(t, dir, 1, 2, 3)
	build(t, dir, db)
	writeRuns(t, dir, 3, 5, 3)
	if diff := cmp.Diff(Stats{Runs: 3, Evaluations: 15, Incremental: true, LedgerLines: 5}, build(t, dir, db)); diff != "" {
		t.Errorf("append (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Stats{Incremental: true, LedgerLines: 5}, build(t, dir, db)); diff != "" {
		t.Errorf("up to date (-want +got):\n%s", diff)
	}
	scratch := filepath.Join(t.TempDir(), "index.sqlite")
	build(t, dir, scratch)
	if diff := cmp.Diff(dump(t, scratch), dump(t, db)); diff != "" {
		t.Errorf("appended index differs from one built from scratch (-scratch +appended):\n%s", diff)
	}
	if entries, _ := os.ReadDir(filepath.Dir(db)); len(entries) != 1 {
		t.Errorf("files beside the index: %v", entries)
	}
}

// TestBuildRebuilds: an index that is not a prefix of the ledger is built
// again from scratch.
func TestBuildRebuilds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		replace func(t *testing.T, dir string)
		want    Stats
	}{
		{"ledger replaced by another", func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, evidence.RunsDir))
			os.Remove(filepath.Join(dir, evidence.LedgerFile))
			writeRuns(t, dir, 11, 14, 0)
		}, Stats{Runs: 4, Evaluations: 20, LedgerLines: 4}},
		{"ledger cut short", func(t *testing.T, dir string) {
			lines := bytes.SplitAfter(readFile(t, filepath.Join(dir, evidence.LedgerFile)), []byte{'\n'})
			overwrite(t, filepath.Join(dir, evidence.LedgerFile), bytes.Join(lines[:2], nil))
		}, Stats{Runs: 2, Evaluations: 10, LedgerLines: 2}},
		{"last indexed line changed", func(t *testing.T, dir string) {
			lines := bytes.SplitAfter(readFile(t, filepath.Join(dir, evidence.LedgerFile)), []byte{'\n'})
			lines[2] = bytes.Replace(lines[2], []byte(`"run_id"`), []byte(` "run_id"`), 1)
			overwrite(t, filepath.Join(dir, evidence.LedgerFile), bytes.Join(lines, nil))
			writeRuns(t, dir, 4, 4, 0)
		}, Stats{Runs: 4, Evaluations: 20, LedgerLines: 4}},
		{"index of another schema", func(t *testing.T, dir string) {
			setMeta(t, filepath.Join(dir, File), "schema", "soc2scan.index/v0")
		}, Stats{Runs: 3, Evaluations: 15, LedgerLines: 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeRuns(t, dir, 1, 3, 0)
			db := filepath.Join(dir, File)
			build(t, dir, db)
			tc.replace(t, dir)
			if diff := cmp.Diff(tc.want, build(t, dir, db)); diff != "" {
				t.Errorf("stats (-want +got):\n%s", diff)
			}
			scratch := filepath.Join(t.TempDir(), File)
			build(t, dir, scratch)
			if diff := cmp.Diff(dump(t, scratch), dump(t, db)); diff != "" {
				t.Errorf("rebuilt index differs from one built from scratch (-scratch +rebuilt):\n%s", diff)
			}
		})
	}
}

// TestBuildErrors: a corrupt or foreign file is an error naming it, and the
// old index is left as it was, with no file beside it.
func TestBuildErrors(t *testing.T) {
	t.Parallel()
	evals := filepath.Join(evidence.RunsDir, runID(3), evidence.EvaluationsFile)
	tests := []struct {
		name    string
		damage  func(t *testing.T, dir string)
		wantErr string
	}{
		{"corrupt evaluations line", func(t *testing.T, dir string) {
			lines := bytes.SplitAfter(readFile(t, filepath.Join(dir, evals)), []byte{'\n'})
			lines[1] = []byte("{\"rule_id\":\n")
			overwrite(t, filepath.Join(dir, evals), bytes.Join(lines, nil))
		}, evals + ":2: not a soc2scan evaluation"},
		{"evaluation of no status", func(t *testing.T, dir string) {
			overwrite(t, filepath.Join(dir, evals), []byte(`{"rule_id":"R","resource":"r","status":"maybe"}`+"\n"))
		}, evals + `:1: not a soc2scan evaluation: status "maybe"`},
		{"foreign run.json", func(t *testing.T, dir string) {
			overwrite(t, filepath.Join(dir, evidence.RunsDir, runID(3), evidence.RunFile), []byte(`{"schema":"other"}`))
		}, filepath.Join(runID(3), evidence.RunFile) + ": not a soc2scan run record"},
		{"missing bundle", func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, evidence.RunsDir, runID(3)))
		}, filepath.Join(runID(3), evidence.RunFile) + ": no such file"},
		{"foreign ledger line", func(t *testing.T, dir string) {
			f, _ := os.OpenFile(filepath.Join(dir, evidence.LedgerFile), os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString("hello\n")
			f.Close()
		}, evidence.LedgerFile + ":4: not a ledger entry"},
		{"no ledger", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, evidence.LedgerFile))
		}, evidence.LedgerFile + ": no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeRuns(t, dir, 1, 2, 0)
			db := filepath.Join(dir, File)
			build(t, dir, db)
			before := readFile(t, db)
			writeRuns(t, dir, 3, 3, 0)
			tc.damage(t, dir)
			_, err := Build(context.Background(), dir, db)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tc.wantErr)
			}
			if !bytes.Equal(before, readFile(t, db)) {
				t.Error("the old index changed")
			}
			if stray, _ := filepath.Glob(filepath.Join(dir, ".*")); len(stray) > 0 {
				t.Errorf("left behind: %v", stray)
			}
		})
	}
}

// TestBuildRefusesForeignFile: a file at the index's path that is not an
// index is not overwritten.
func TestBuildRefusesForeignFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeRuns(t, dir, 1, 1, 0)
	other := filepath.Join(t.TempDir(), "other.sqlite")
	build(t, dir, other)
	setMeta(t, other, "schema", "someone else's")
	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"text", []byte("my notes\n"), "not a SQLite database"},
		{"other database", readFile(t, other), "no soc2scan schema"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db := filepath.Join(t.TempDir(), "file")
			if err := os.WriteFile(db, tc.content, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Build(context.Background(), dir, db)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "not overwriting") {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
			if _, ferr := Fresh(dir, db); ferr == nil {
				t.Error("Fresh: no error")
			}
			if !bytes.Equal(tc.content, readFile(t, db)) {
				t.Error("file overwritten")
			}
		})
	}
}

func TestBuildCanceled(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeRuns(t, dir, 1, 2, 0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, dir, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files in the evidence directory: %v", entries)
	}
}

func TestFresh(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, File)
	steps := []struct {
		name string
		do   func(t *testing.T)
		want bool
	}{
		{"no index", func(t *testing.T) { writeRuns(t, dir, 1, 2, 0) }, false},
		{"built", func(t *testing.T) { build(t, dir, "") }, true},
		{"a run more", func(t *testing.T) { writeRuns(t, dir, 3, 3, 0) }, false},
		{"refreshed", func(t *testing.T) { build(t, dir, "") }, true},
		{"ledger replaced", func(t *testing.T) {
			other := t.TempDir()
			writeRuns(t, other, 21, 23, 0)
			overwrite(t, filepath.Join(dir, evidence.LedgerFile), readFile(t, filepath.Join(other, evidence.LedgerFile)))
		}, false},
		{"index deleted", func(t *testing.T) { os.Remove(db) }, false},
	}
	for _, s := range steps {
		s.do(t)
		got, err := Fresh(dir, "")
		if err != nil || got != s.want {
			t.Errorf("%s: Fresh %v, %v; want %v", s.name, got, err, s.want)
		}
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// overwrite replaces a file of the evidence directory, which Write made
// read-only.
func overwrite(t *testing.T, path string, content []byte) {
	t.Helper()
	os.Chmod(path, 0o644)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
}

// setMeta changes a meta value of the index at db, as an older or foreign
// index would have it.
func setMeta(t *testing.T, db, key, value string) {
	t.Helper()
	d, err := open(db, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Exec(`UPDATE meta SET value = ? WHERE key = ?`, value, key); err != nil {
		t.Fatal(fmt.Errorf("%s: %w", db, err))
	}
}

// TestDocQueries runs the example queries of docs/evidence.md, in order, on
// 35 daily runs from 1 March 2026 in which aws_s3_bucket.logs fails
// AWS-S3-001 but on 2 and 3 March.
func TestDocQueries(t *testing.T) {
	t.Parallel()
	doc := string(readFile(t, filepath.Join("..", "..", "..", "docs", "evidence.md")))
	var queries []string
	for _, block := range strings.Split(doc, "```sql\n")[1:] {
		q, _, _ := strings.Cut(block, "```")
		queries = append(queries, q)
	}
	dir := t.TempDir()
	writeRuns(t, dir, 1, 3, 2)
	writeRuns(t, dir, 4, 35, 0)
	db := filepath.Join(dir, File)
	build(t, dir, db)

	march := [][]any{}
	perDay := [][]any{}
	for d := 1; d <= 31; d++ {
		day := fmt.Sprintf("2026-03-%02d", d)
		at, run := day+"T08:00:00.000000000Z", runID(d)
		failing := int64(1)
		if d == 1 || d > 3 {
			march = append(march, []any{at, "AWS-S3-001", "aws_s3_bucket.logs", "plan.json", int64(7), "aws_s3_bucket.logs has no encryption", run})
			failing++
		}
		march = append(march, []any{at, "AWS-S3-003", "aws_s3_bucket.old", "plan.json", int64(20), "aws_s3_bucket.old is old", run})
		perDay = append(perDay, []any{day, int64(1), int64(0), failing})
	}
	want := [][][]any{
		march,
		{
			{"AWS-S3-003", "aws_s3_bucket.old", "2026-03-01T08:00:00.000000000Z", int64(34)},
			{"AWS-S3-001", "aws_s3_bucket.logs", "2026-03-04T08:00:00.000000000Z", int64(31)},
		},
		perDay,
	}
	if len(queries) != len(want) {
		t.Fatalf("%d SQL blocks in docs/evidence.md, want %d", len(queries), len(want))
	}
	for i, q := range queries {
		if diff := cmp.Diff(want[i], query(t, db, q)); diff != "" {
			t.Errorf("query %d (-want +got):\n%s", i+1, diff)
		}
	}
}

// FuzzBuild: whatever a bundle holds, Build returns an error or an index,
// never a panic. (go test -fuzz runs it slowly: the fuzzer instruments the
// transpiled SQLite too.)
func FuzzBuild(f *testing.F) {
	seed := f.TempDir()
	writeRuns(f, seed, 1, 1, 0)
	bundle := filepath.Join(seed, evidence.RunsDir, runID(1))
	runJSON, _ := os.ReadFile(filepath.Join(bundle, evidence.RunFile))
	evals, _ := os.ReadFile(filepath.Join(bundle, evidence.EvaluationsFile))
	ledger, _ := os.ReadFile(filepath.Join(seed, evidence.LedgerFile))
	f.Add(runJSON, evals)
	f.Add(runJSON, []byte(`{"rule_id":"R","resource":"r","status":"pass","line":-1,"criteria":["a","a"]}`+"\n"))
	f.Add([]byte(`{"schema":"soc2scan.evidence/v1","run_id":"`+runID(1)+`","counts":{"total":{"pass":9223372036854775807,"fail":1}}}`), evals)
	f.Fuzz(func(t *testing.T, runJSON, evals []byte) {
		dir := t.TempDir()
		bundle := filepath.Join(dir, evidence.RunsDir, runID(1))
		os.MkdirAll(bundle, 0o755)
		os.WriteFile(filepath.Join(dir, evidence.LedgerFile), ledger, 0o644)
		os.WriteFile(filepath.Join(bundle, evidence.RunFile), runJSON, 0o644)
		os.WriteFile(filepath.Join(bundle, evidence.EvaluationsFile), evals, 0o644)
		if st, err := Build(context.Background(), dir, ""); err == nil && st.Runs != 1 {
			t.Errorf("stats %+v", st)
		}
	})
}
