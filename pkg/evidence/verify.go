package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// ProblemKind classifies what Verify found.
type ProblemKind string

// Problem kinds.
const (
	// LedgerProblem: a ledger line is damaged, out of chain or repeated.
	LedgerProblem ProblemKind = "ledger"
	// BundleProblem: a bundle is missing, altered, or not in the ledger.
	BundleProblem ProblemKind = "bundle"
	// GapProblem: no run for longer than the cadence.
	GapProblem ProblemKind = "gap"
)

// Problem is one thing Verify found wrong. Message is the whole of it, for
// a reader: "run <id>: evaluations.jsonl: sha256 mismatch".
type Problem struct {
	Kind    ProblemKind
	Run     string // the run's id, when the problem is a run's
	File    string // the file, relative to the evidence directory
	Line    int    // the ledger line, 1-based, when the problem is a line's
	Message string
}

func (p Problem) String() string { return p.Message }

// Result is what Verify checked and found.
type Result struct {
	// Runs counts the well-formed ledger lines.
	Runs int
	// First and Last are the earliest and latest run times in the ledger.
	First, Last time.Time
	// Problems lists tampering and gaps: ledger lines in order, then
	// bundles in ledger order, bundles not in the ledger, and gaps.
	Problems []Problem
}

// OK reports whether Verify found nothing wrong.
func (r *Result) OK() bool { return len(r.Problems) == 0 }

// Verify re-checks every bundle's sums and the ledger's hash chain of the
// evidence directory dir, and, when cadence > 0, that no two consecutive
// runs are further apart than cadence. It reads only: nothing is rewritten
// or repaired. The error is for a directory that cannot be read or is not an
// evidence directory (no ledger, or a ledger of which no line is an entry);
// everything else is a Problem in the Result.
func Verify(dir string, cadence time.Duration) (*Result, error) {
	return VerifyAsOf(dir, cadence, time.Time{})
}

// VerifyAsOf is Verify that also, when cadence > 0 and asOf is not zero,
// reports the time from the last run to asOf when it is longer than
// cadence: scheduled scans that stopped leave no gap between runs, only
// one after the last (as of now, or as of the end of an audit period).
func VerifyAsOf(dir string, cadence time.Duration, asOf time.Time) (*Result, error) {
	ledgerPath := filepath.Join(dir, LedgerFile)
	data, err := os.ReadFile(ledgerPath)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	entries, lineOf := res.checkLedger(data)
	if len(entries) == 0 && len(data) > 0 {
		return nil, fmt.Errorf("%s: not a soc2scan evidence ledger: %s", ledgerPath, res.Problems[0].Message)
	}
	res.Runs = len(entries)

	bundleProblems := make([][]Problem, len(entries))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			buf := make([]byte, 1<<20)
			for i := range next {
				bundleProblems[i] = checkBundle(dir, entries[i], lineOf[entries[i].RunID], buf)
			}
		})
	}
	for i := range entries {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, ps := range bundleProblems {
		res.Problems = append(res.Problems, ps...)
	}

	listed, err := os.ReadDir(filepath.Join(dir, RunsDir))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	for _, d := range listed {
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			continue // a bundle being written
		}
		if _, ok := lineOf[name]; !ok {
			res.add(Problem{Kind: BundleProblem, Run: name, File: filepath.Join(RunsDir, name),
				Message: fmt.Sprintf("%s/%s: bundle not in the ledger", RunsDir, name)})
		}
	}

	times := make([]time.Time, len(entries))
	for i, e := range entries {
		times[i] = e.Time
	}
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	if len(times) > 0 {
		res.First, res.Last = times[0], times[len(times)-1]
	}
	if cadence > 0 {
		for i := 1; i < len(times); i++ {
			if gap := times[i].Sub(times[i-1]); gap > cadence {
				res.add(Problem{Kind: GapProblem, Message: fmt.Sprintf("no run between %s and %s (%s > %s)",
					times[i-1].UTC().Format(time.RFC3339), times[i].UTC().Format(time.RFC3339), duration(gap), duration(cadence))})
			}
		}
		if !asOf.IsZero() && len(times) > 0 {
			if gap := asOf.Sub(res.Last); gap > cadence {
				res.add(Problem{Kind: GapProblem, Message: fmt.Sprintf("no run since %s, as of %s (%s > %s)",
					res.Last.UTC().Format(time.RFC3339), asOf.UTC().Format(time.RFC3339), duration(gap), duration(cadence))})
			}
		}
	}
	return res, nil
}

func (r *Result) add(p Problem) { r.Problems = append(r.Problems, p) }

// checkLedger checks every line's form and its link to the line before,
// and returns the well-formed entries (first occurrence of each run) with
// the line each is on.
func (r *Result) checkLedger(data []byte) ([]LedgerEntry, map[string]int) {
	var entries []LedgerEntry
	lineOf := map[string]int{}
	bad := func(n int, run, format string, args ...any) {
		r.add(Problem{Kind: LedgerProblem, Run: run, File: LedgerFile, Line: n,
			Message: fmt.Sprintf("ledger line %d: ", n) + fmt.Sprintf(format, args...)})
	}
	body, complete := bytes.CutSuffix(data, []byte{'\n'})
	if len(data) == 0 {
		return nil, lineOf
	}
	lines := bytes.Split(body, []byte{'\n'})
	prev := zeroDigest
	for i, line := range lines {
		n := i + 1
		e, err := parseEntry(line)
		sum := sha256.Sum256(line)
		switch {
		case err != nil:
			bad(n, "", "%v", err)
		case e.Prev != prev && n == 1:
			bad(n, e.RunID, "previous digest of the first line is not 64 zeros")
		case e.Prev != prev:
			bad(n, e.RunID, "previous digest does not match line %d", n-1)
		}
		prev = hex.EncodeToString(sum[:])
		if err != nil {
			continue
		}
		if first, dup := lineOf[e.RunID]; dup {
			bad(n, e.RunID, "run %s appears again (first on line %d)", e.RunID, first)
			continue
		}
		lineOf[e.RunID] = n
		entries = append(entries, e)
	}
	if !complete {
		bad(len(lines), "", "incomplete (no newline at the end of the ledger)")
	}
	return entries, lineOf
}

// checkBundle re-checks one run's bundle against its sums and the ledger.
func checkBundle(dir string, e LedgerEntry, line int, buf []byte) []Problem {
	var ps []Problem
	rel := filepath.Join(RunsDir, e.RunID)
	bad := func(file, format string, args ...any) {
		msg := fmt.Sprintf("run %s: ", e.RunID)
		if file != "" {
			msg += file + ": "
		}
		ps = append(ps, Problem{Kind: BundleProblem, Run: e.RunID, File: filepath.Join(rel, file), Message: msg + fmt.Sprintf(format, args...)})
	}
	bundle := filepath.Join(dir, rel)
	sums, err := os.ReadFile(filepath.Join(bundle, SumsFile))
	if err != nil {
		if _, serr := os.Stat(bundle); errors.Is(serr, os.ErrNotExist) {
			bad("", "bundle missing (%s)", rel)
		} else {
			bad(SumsFile, "%v", unwrapPath(err))
		}
		return ps
	}
	if sum := sha256.Sum256(sums); hex.EncodeToString(sum[:]) != e.Bundle {
		bad(SumsFile, "digest does not match ledger line %d", line)
	}
	listed := map[string]string{}
	for i, l := range strings.Split(strings.TrimSuffix(string(sums), "\n"), "\n") {
		digest, name, ok := strings.Cut(l, "  ")
		if !ok || !validDigest(digest) || name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." || name == SumsFile {
			bad(SumsFile, "line %d is not \"<sha256>  <file>\"", i+1)
			continue
		}
		listed[name] = digest
	}
	for _, name := range []string{RunFile, EvaluationsFile} {
		if _, ok := listed[name]; !ok {
			bad(SumsFile, "does not list %s", name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(listed)) {
		got, err := hashFile(filepath.Join(bundle, name), buf)
		switch {
		case errors.Is(err, os.ErrNotExist):
			bad(name, "missing")
		case err != nil:
			bad(name, "%v", unwrapPath(err))
		case got != listed[name]:
			bad(name, "sha256 mismatch")
		case name == RunFile:
			checkRunRecord(filepath.Join(bundle, name), e, bad)
		}
	}
	files, err := os.ReadDir(bundle)
	if err != nil {
		bad("", "%v", unwrapPath(err))
		return ps
	}
	for _, f := range files {
		if _, ok := listed[f.Name()]; !ok && f.Name() != SumsFile {
			bad(f.Name(), "not in %s", SumsFile)
		}
	}
	return ps
}

// checkRunRecord checks that run.json is the record of the ledger's run.
func checkRunRecord(path string, e LedgerEntry, bad func(file, format string, args ...any)) {
	data, err := os.ReadFile(path)
	if err != nil {
		bad(RunFile, "%v", unwrapPath(err))
		return
	}
	var rec RunRecord
	if err := json.Unmarshal(data, &rec); err != nil || rec.Schema != Schema {
		bad(RunFile, "not a soc2scan run record (schema %q)", rec.Schema)
		return
	}
	if rec.RunID != e.RunID {
		bad(RunFile, "names run %s", rec.RunID)
	}
	if !rec.Start.Equal(e.Time) {
		bad(RunFile, "start %s differs from the ledger's time %s", rec.Start.Format(time.RFC3339Nano), e.Time.Format(time.RFC3339Nano))
	}
}

func hashFile(path string, buf []byte) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.CopyBuffer(h, f, buf); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// unwrapPath drops the path of a PathError: the problem names the file.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// duration formats a duration for a gap: 36h, 90m, 1h30m.
func duration(d time.Duration) string {
	s := d.Round(time.Second).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
