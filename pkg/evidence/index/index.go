// Package index keeps an optional SQLite index of an evidence directory
// (see package evidence), rebuilt from DIR/ledger.jsonl and the run bundles
// for fast queries. The index is a cache: it is never the only copy of
// anything, Build can always remake it from the directory, and a query
// opens it read-only. It uses modernc.org/sqlite (pure Go); package
// evidence does not import this package, so a program that keeps evidence
// without querying it does not link SQLite.
//
// Schema (Schema names it; times are UTC text, fixed width, e.g.
// 2026-03-01T06:00:00.000000000Z, so text order is time order and SQLite's
// date functions read them; a JSON field a line omits is NULL):
//
//	meta           key, value: schema, ledger_lines (ledger lines indexed),
//	               ledger_last_sha256 (sha256 of the last of them), built (time),
//	               tool_version
//	runs           one row per run of the ledger (a run listed twice: its first line)
//	               seq (ledger line, unique), run_id (primary key), time (ledger time:
//	               the run's start), end, tool, version, tool_commit, rule_set_sha256,
//	               scope (categories joined with ";"), repository, commit_sha, ref,
//	               dirty (0/1), ci, ci_run_url, actor (from run.json's source),
//	               bundle_sha256 (from the ledger), errors, warnings (how many the
//	               scan reported), pass, fail, unknown, waived (evaluations by status)
//	rules          run_id, rule_id, rule_sha256: the rule set of each run
//	rule_criteria  rule_id, rule_sha256, criterion: distinct, from the rule sets
//	               and the evaluations
//	evaluations    one row per line of each run's evaluations.jsonl
//	               run_id, jsonl_line (its line in evaluations.jsonl), rule_id,
//	               rule_sha256, resource, source, file, line, status, severity,
//	               message, baseline (0/1), waiver_reason, waiver_owner,
//	               waiver_expires, waiver_origin
//
// Indexes: runs (time); rules (rule_id, rule_sha256); rule_criteria
// (criterion); evaluations (run_id, status), (rule_id, status), (status),
// (resource, rule_id).
package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/soc2scan/soc2scan/pkg/evidence"
)

// File is the index's name in the evidence directory, where it is kept
// unless the caller names another path.
const File = "index.sqlite"

// module is the Go module whose version the index records.
const module = "github.com/soc2scan/soc2scan"

// Stats is what Build did.
type Stats struct {
	// Runs and Evaluations count the rows this build added.
	Runs, Evaluations int
	// Incremental is true when the build kept the index and appended the
	// runs of the ledger's new lines (none when it was up to date); false
	// when it built the index from scratch.
	Incremental bool
	// LedgerLines counts the ledger lines the index covers.
	LedgerLines int
}

// Build brings the index at dbPath (DIR/index.sqlite when empty) up to
// date with the evidence directory dir. When the index covers a prefix of
// the current ledger (its last indexed line is still the ledger's line at
// that position) it appends the new lines' runs; otherwise (no index, an
// index of another schema, a ledger replaced or rewritten) it builds the
// index from scratch. Either way it writes a new file beside dbPath and
// renames it over the old one, so a reader sees the old index or the new,
// never half of one, and a failed build leaves the old index in place.
//
// Build writes nothing but the index. A ledger line, run.json or
// evaluations line that is not what soc2scan writes is an error naming the
// file and line. It verifies no digest (evidence.Verify does). A file at
// dbPath that is not a soc2scan index is an error, and is not overwritten.
func Build(ctx context.Context, dir, dbPath string) (Stats, error) {
	if dbPath == "" {
		dbPath = filepath.Join(dir, File)
	}
	lines, err := evidence.ReadLedger(dir)
	if err != nil {
		return Stats{}, err
	}
	st, err := readState(ctx, dbPath)
	if err != nil {
		return Stats{}, err
	}
	from, incremental := 0, st.covers(lines)
	if incremental {
		from = st.lines
		if from == len(lines) {
			return Stats{Incremental: true, LedgerLines: len(lines)}, nil
		}
	}

	tmp, err := os.CreateTemp(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".tmp-*")
	if err != nil {
		return Stats{}, err
	}
	tmpPath := tmp.Name()
	defer os.Remove(tmpPath) // gone after the rename; cleans up on failure
	if incremental {
		err = copyFile(tmp, dbPath)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Stats{}, err
	}

	stats, err := fill(ctx, dir, tmpPath, lines, from, incremental)
	if err != nil {
		return Stats{}, err
	}
	if err := syncFile(tmpPath); err != nil {
		return Stats{}, err
	}
	if err := os.Chmod(tmpPath, 0o644); err != nil {
		return Stats{}, err
	}
	if err := os.Rename(tmpPath, dbPath); err != nil {
		return Stats{}, err
	}
	return stats, nil
}

// Fresh reports whether the index at dbPath (DIR/index.sqlite when empty)
// covers every line of the ledger of the evidence directory dir. A missing
// index, or one of another schema, is not fresh; a file that is not a
// soc2scan index is an error.
func Fresh(dir, dbPath string) (bool, error) {
	if dbPath == "" {
		dbPath = filepath.Join(dir, File)
	}
	lines, err := evidence.ReadLedger(dir)
	if err != nil {
		return false, err
	}
	st, err := readState(context.Background(), dbPath)
	if err != nil {
		return false, err
	}
	return st.covers(lines) && st.lines == len(lines), nil
}

// state is what an existing index says of itself.
type state struct {
	exists bool
	schema string
	lines  int    // ledger lines indexed
	last   string // sha256 of the last of them
}

// covers reports whether the index is of the current schema and its lines
// are a prefix of the ledger's.
func (s state) covers(lines []evidence.LedgerLine) bool {
	return s.exists && s.schema == Schema && s.lines <= len(lines) && (s.lines == 0 || lines[s.lines-1].SHA256 == s.last)
}

var sqliteHeader = []byte("SQLite format 3\x00")

// readState reads the meta table of the index at path. No file, or an
// empty one, is no index; a file that is not a SQLite database with a
// soc2scan meta table is an error.
func readState(ctx context.Context, path string) (state, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return state{}, nil
	}
	if err != nil {
		return state{}, err
	}
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	f.Close()
	if n == 0 && errors.Is(err, io.EOF) {
		return state{}, nil
	}
	notIndex := func(why string) error {
		return fmt.Errorf("%s: not a soc2scan evidence index (%s); not overwriting it", path, why)
	}
	if err != nil || string(head) != string(sqliteHeader) {
		return state{}, notIndex("not a SQLite database")
	}
	db, err := open(path, true)
	if err != nil {
		return state{}, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT key, value FROM meta`)
	if err != nil {
		return state{}, notIndex(err.Error())
	}
	defer rows.Close()
	meta := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return state{}, notIndex(err.Error())
		}
		meta[k] = v
	}
	if err := rows.Err(); err != nil {
		return state{}, notIndex(err.Error())
	}
	if !strings.HasPrefix(meta["schema"], "soc2scan.index/") {
		return state{}, notIndex("no soc2scan schema in its meta table")
	}
	s := state{exists: true, schema: meta["schema"], last: meta["ledger_last_sha256"]}
	if s.lines, err = strconv.Atoi(meta["ledger_lines"]); err != nil || s.lines < 0 {
		s.schema = "" // unreadable: rebuild it
	}
	return s, nil
}

// open opens the SQLite database at path, read-only or for building. A
// build writes a private temporary file that is thrown away on any error,
// so it needs no journal and no syncs.
func open(path string, readOnly bool) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	params := "?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)&_pragma=cache_size(-65536)&_pragma=locking_mode(EXCLUSIVE)"
	if readOnly {
		params = "?mode=ro&_pragma=query_only(1)"
	}
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: p}).String()+params)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

func copyFile(dst *os.File, src string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(dst, f)
	return err
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// fill creates the tables (unless incremental) and adds the runs of
// lines[from:] to the database at path.
func fill(ctx context.Context, dir, path string, lines []evidence.LedgerLine, from int, incremental bool) (Stats, error) {
	db, err := open(path, false)
	if err != nil {
		return Stats{}, err
	}
	defer db.Close()
	seen := map[string]bool{}
	if incremental {
		rows, err := db.QueryContext(ctx, `SELECT run_id FROM runs`)
		if err != nil {
			return Stats{}, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return Stats{}, err
			}
			seen[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return Stats{}, err
		}
	} else {
		for _, q := range tables {
			if _, err := db.ExecContext(ctx, q); err != nil {
				return Stats{}, err
			}
		}
	}
	var todo []evidence.LedgerLine
	for _, l := range lines[from:] {
		if !seen[l.RunID] {
			seen[l.RunID] = true
			todo = append(todo, l)
		}
	}

	w, err := newWriter(ctx, db)
	if err != nil {
		return Stats{}, err
	}
	defer w.close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stats := Stats{Incremental: incremental, LedgerLines: len(lines)}
	for b := range readRuns(ctx, dir, todo) {
		if b.err != nil {
			return Stats{}, b.err
		}
		if err := w.add(ctx, b); err != nil {
			return Stats{}, fmt.Errorf("run %s: %w", b.line.RunID, err)
		}
		stats.Runs++
		stats.Evaluations += len(b.evals)
	}
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	w.close()

	if !incremental {
		for _, q := range indexes {
			if _, err := db.ExecContext(ctx, q); err != nil {
				return Stats{}, err
			}
		}
	}
	last := ""
	if len(lines) > 0 {
		last = lines[len(lines)-1].SHA256
	}
	meta := [][2]string{
		{"schema", Schema},
		{"ledger_lines", strconv.Itoa(len(lines))},
		{"ledger_last_sha256", last},
		{"built", time.Now().UTC().Format(time.RFC3339)},
		{"tool_version", toolVersion()},
	}
	for _, kv := range meta {
		if _, err := db.ExecContext(ctx, insertMeta, kv[0], kv[1]); err != nil {
			return Stats{}, err
		}
	}
	// Statistics for the query planner, from a sample of each index: an
	// exact ANALYZE would read every row again.
	if _, err := db.ExecContext(ctx, `PRAGMA analysis_limit = 1000; ANALYZE`); err != nil {
		return Stats{}, err
	}
	return stats, db.Close()
}

// run is one run read from its bundle.
type run struct {
	line  evidence.LedgerLine
	rec   *evidence.RunRecord
	evals []evidence.Evaluation
	err   error
}

// readRuns reads the runs' bundles in a goroutine of its own, so that
// parsing the next run overlaps inserting the last. It stops after the
// first error, which it sends, or when ctx is done.
func readRuns(ctx context.Context, dir string, lines []evidence.LedgerLine) <-chan run {
	out := make(chan run, 2)
	go func() {
		defer close(out)
		for _, l := range lines {
			r := run{line: l}
			r.rec, r.err = evidence.ReadRun(dir, l.LedgerEntry)
			if r.err == nil {
				// run.json's counts size the slice, within reason: they
				// are read, not trusted.
				total := r.rec.Counts.Total
				r.evals = make([]evidence.Evaluation, 0, min(max(0, total.Pass+total.Fail+total.Unknown+total.Waived), 1<<16))
				r.err = evidence.ReadEvaluations(dir, l.LedgerEntry, func(_ int, e *evidence.Evaluation) error {
					r.evals = append(r.evals, *e)
					return nil
				})
			}
			select {
			case out <- r:
			case <-ctx.Done():
				return
			}
			if r.err != nil {
				return
			}
		}
	}()
	return out
}

// writer inserts runs, each in a transaction of its own, with statements
// prepared once; evaluations go evalBatch rows to a statement.
type writer struct {
	db                                *sql.DB
	run, rule, criterion, eval, evals *sql.Stmt
	criteria                          map[[3]string]bool // rule_criteria rows added
	args                              []any              // of evals
}

func newWriter(ctx context.Context, db *sql.DB) (*writer, error) {
	w := &writer{db: db, criteria: map[[3]string]bool{}, args: make([]any, 0, evalBatch*evalColumns)}
	for _, s := range []struct {
		stmt **sql.Stmt
		q    string
	}{{&w.run, insertRun}, {&w.rule, insertRule}, {&w.criterion, insertCriteria}, {&w.eval, insertEval}, {&w.evals, insertEvals}} {
		var err error
		if *s.stmt, err = db.PrepareContext(ctx, s.q); err != nil {
			w.close()
			return nil, err
		}
	}
	return w, nil
}

func (w *writer) close() {
	for _, s := range []*sql.Stmt{w.run, w.rule, w.criterion, w.eval, w.evals} {
		if s != nil {
			s.Close()
		}
	}
	w.run, w.rule, w.criterion, w.eval, w.evals = nil, nil, nil, nil, nil
}

func (w *writer) add(ctx context.Context, r run) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	// The statements run without ctx: with it, the driver starts a
	// goroutine per statement to watch it. ctx is checked once per run.
	ctx = context.WithoutCancel(ctx)
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	rec, src := r.rec, r.rec.Source
	total := rec.Counts.Total
	_, err = tx.StmtContext(ctx, w.run).ExecContext(ctx,
		r.line.Line, r.line.RunID, r.line.Time.UTC().Format(timeLayout), rec.End.UTC().Format(timeLayout),
		rec.Tool.Name, rec.Tool.Version, null(rec.Tool.Commit), rec.RuleSet.SHA256, strings.Join(rec.Scope, ";"),
		null(src.Repository), null(src.Commit), null(src.Ref), src.Dirty, null(src.CI), null(src.RunURL), null(src.Actor),
		r.line.Bundle, len(rec.Errors), len(rec.Warnings), total.Pass, total.Fail, total.Unknown, total.Waived)
	if err != nil {
		return err
	}
	rule, criterion := tx.StmtContext(ctx, w.rule), tx.StmtContext(ctx, w.criterion)
	for _, ru := range rec.RuleSet.Rules {
		if _, err := rule.ExecContext(ctx, r.line.RunID, ru.ID, ru.Digest); err != nil {
			return err
		}
		if err := w.addCriteria(ctx, criterion, ru.ID, ru.Digest, ru.Criteria); err != nil {
			return err
		}
	}
	batch, one := tx.StmtContext(ctx, w.evals), tx.StmtContext(ctx, w.eval)
	args := w.args[:0]
	for i := range r.evals {
		e := &r.evals[i]
		if err := w.addCriteria(ctx, criterion, e.RuleID, e.RuleDigest, e.Criteria); err != nil {
			return err
		}
		var line any
		if e.Line != 0 {
			line = e.Line
		}
		args = append(args, r.line.RunID, i+1, e.RuleID, e.RuleDigest, e.Resource, e.Source, e.File, line,
			e.Status, null(e.Severity), null(e.Message), e.Baseline,
			null(e.WaiverReason), null(e.WaiverOwner), null(e.WaiverExpires), null(e.WaiverOrigin))
		if len(args) == cap(args) {
			if _, err := batch.ExecContext(ctx, args...); err != nil {
				return err
			}
			args = args[:0]
		}
	}
	for ; len(args) > 0; args = args[evalColumns:] {
		if _, err := one.ExecContext(ctx, args[:evalColumns]...); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// addCriteria adds the rule's criteria to rule_criteria, each row once.
func (w *writer) addCriteria(ctx context.Context, stmt *sql.Stmt, rule, digest string, criteria []string) error {
	for _, c := range criteria {
		k := [3]string{rule, digest, c}
		if w.criteria[k] {
			continue
		}
		if _, err := stmt.ExecContext(ctx, rule, digest, c); err != nil {
			return err
		}
		w.criteria[k] = true
	}
	return nil
}

// null is nil for an empty string: a field the JSON omits is NULL.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// toolVersion is the version of this module in the running binary, if Go
// recorded one.
func toolVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	if info.Main.Path == module {
		return info.Main.Version
	}
	for _, d := range info.Deps {
		if d.Path == module {
			return d.Version
		}
	}
	return ""
}
