package evidence

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/soc2scan/soc2scan/pkg/report"
)

// LedgerLine is one line of ledger.jsonl as ReadLedger read it.
type LedgerLine struct {
	LedgerEntry
	// Line is the line's number, from 1.
	Line int
	// SHA256 is the sha256 (hex) of the line without its newline: what
	// the next line's Prev holds.
	SHA256 string
}

// ReadLedger reads every line of the ledger of the evidence directory dir,
// in order, as Period reads them: a line that is not a ledger entry is an
// error naming the file and line. It checks neither the hash chain nor the
// bundles (Verify does), and a run listed twice is returned twice.
func ReadLedger(dir string) ([]LedgerLine, error) {
	path := filepath.Join(dir, LedgerFile)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	body, _ := bytes.CutSuffix(data, []byte{'\n'})
	if len(data) == 0 {
		return []LedgerLine{}, nil
	}
	raw := bytes.Split(body, []byte{'\n'})
	lines := make([]LedgerLine, len(raw))
	for i, l := range raw {
		e, err := parseEntry(l)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		sum := sha256.Sum256(l)
		lines[i] = LedgerLine{LedgerEntry: e, Line: i + 1, SHA256: hex.EncodeToString(sum[:])}
	}
	return lines, nil
}

// ReadRun reads run.json of the entry's bundle in the evidence directory
// dir and checks that it is the record of the entry's run.
func ReadRun(dir string, e LedgerEntry) (*RunRecord, error) {
	if !validRunID(e.RunID) {
		return nil, fmt.Errorf("run id %q is not a UUID", e.RunID)
	}
	return readRunRecord(filepath.Join(dir, RunsDir, e.RunID, RunFile), e)
}

// ReadEvaluations reads evaluations.jsonl of the entry's bundle in the
// evidence directory dir and calls fn with each evaluation and its line
// number, in order; fn must not keep e, which is reused. A line that is not
// an evaluation (one JSON object with a rule_id, a resource and a status of
// pass, fail, unknown or waived) is an error naming the file and line; an
// error from fn ends the reading and is returned as it is.
func ReadEvaluations(dir string, e LedgerEntry, fn func(line int, e *Evaluation) error) error {
	if !validRunID(e.RunID) {
		return fmt.Errorf("run id %q is not a UUID", e.RunID)
	}
	path := filepath.Join(dir, RunsDir, e.RunID, EvaluationsFile)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	var ev Evaluation
	for n := 1; sc.Scan(); n++ {
		if err := parseEvaluation(sc.Bytes(), &ev); err != nil {
			return fmt.Errorf("%s:%d: not a soc2scan evaluation: %w", path, n, err)
		}
		if err := fn(n, &ev); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// parseEvaluation reads one line of evaluations.jsonl into e.
func parseEvaluation(b []byte, e *Evaluation) error {
	*e = Evaluation{}
	if err := json.Unmarshal(b, e); err != nil {
		return err
	}
	if e.RuleID == "" || e.Resource == "" || e.Status == "" {
		return errors.New("no rule_id, resource or status")
	}
	switch e.Status {
	case string(report.Pass), string(report.Fail), string(report.Unknown), Waived:
		return nil
	}
	return fmt.Errorf("status %q", e.Status)
}
