package evidence

import (
	"bytes"
	"cmp"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/soc2scan/soc2scan/pkg/report"
)

// Write writes the run's immutable bundle under dir (dir/runs/<run id>/
// with run.json, evaluations.jsonl and sha256sums) and appends it to
// dir/ledger.jsonl; it returns the bundle's directory. It never
// overwrites: a run directory that exists is an error. The bundle is
// written to a hidden directory beside it and renamed into place, so a
// bundle either is complete or is not there.
func Write(dir string, r Run) (string, error) {
	if r.Report == nil {
		return "", errors.New("evidence: run has no report")
	}
	if r.ID == "" {
		r.ID = newUUID()
	} else if !validRunID(r.ID) {
		return "", fmt.Errorf("evidence: run id %q is not a UUID", r.ID)
	}
	evals := evaluations(r.Report, ruleDigests(r.Rules))
	rec, err := record(r, evals)
	if err != nil {
		return "", err
	}
	runJSON, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return "", err
	}
	runJSON = append(runJSON, '\n')
	evalsJSONL, err := encodeJSONL(evals)
	if err != nil {
		return "", err
	}
	sums := sumsFile(map[string][]byte{RunFile: runJSON, EvaluationsFile: evalsJSONL})

	runs := filepath.Join(dir, RunsDir)
	if err := os.MkdirAll(runs, 0o755); err != nil {
		return "", err
	}
	final := filepath.Join(runs, r.ID)
	if _, err := os.Lstat(final); err == nil {
		return "", fmt.Errorf("%s: run directory exists; bundles are never overwritten", final)
	}
	tmp, err := os.MkdirTemp(runs, ".tmp-"+r.ID+"-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp) // gone after the rename; cleans up on failure
	for _, f := range []struct {
		name string
		data []byte
	}{{RunFile, runJSON}, {EvaluationsFile, evalsJSONL}, {SumsFile, sums}} {
		if err := writeFileSync(filepath.Join(tmp, f.name), f.data); err != nil {
			return "", err
		}
	}
	if _, err := os.Lstat(final); err == nil {
		return "", fmt.Errorf("%s: run directory exists; bundles are never overwritten", final)
	}
	if err := os.Rename(tmp, final); err != nil {
		return "", err
	}
	sum := sha256.Sum256(sums)
	if err := appendLedger(filepath.Join(dir, LedgerFile), r.ID, rec.Start, hex.EncodeToString(sum[:])); err != nil {
		return final, fmt.Errorf("bundle %s written but not in the ledger: %w", final, err)
	}
	return final, nil
}

// record builds run.json.
// RuleSetDigest returns the sha256 (hex) of a rule set as run.json records
// it (RuleSet.SHA256): over the compact JSON of {"rules": ..., "library":
// ...}, rules sorted by id, library files by path. Attestations and
// exports name the logic that ran by it.
func RuleSetDigest(rules []RuleRecord, library map[string]string) (string, error) {
	sum, _, _, err := ruleSet(rules, library)
	return sum, err
}

// ruleSet sorts a rule set and digests it.
func ruleSet(rules []RuleRecord, library map[string]string) (string, []RuleRecord, []FileDigest, error) {
	rs := slices.Clone(rules)
	slices.SortFunc(rs, func(a, b RuleRecord) int { return cmp.Compare(a.ID, b.ID) })
	lib := make([]FileDigest, 0, len(library))
	for p, d := range library {
		lib = append(lib, FileDigest{Path: p, SHA256: d})
	}
	slices.SortFunc(lib, func(a, b FileDigest) int { return cmp.Compare(a.Path, b.Path) })
	canon, err := json.Marshal(struct {
		Rules   []RuleRecord `json:"rules"`
		Library []FileDigest `json:"library"`
	}{rs, lib})
	if err != nil {
		return "", nil, nil, err
	}
	sum := sha256.Sum256(canon)
	return hex.EncodeToString(sum[:]), rs, lib, nil
}

func record(r Run, evals []Evaluation) (*RunRecord, error) {
	setSum, rules, lib, err := ruleSet(r.Rules, r.Library)
	if err != nil {
		return nil, err
	}
	scope := make([]string, len(r.Scope))
	for i, c := range r.Scope {
		scope[i] = string(c)
	}
	inputs, files, err := inputDigests(r.Inputs, r.Report)
	if err != nil {
		return nil, err
	}
	counts := Counts{ByCriterion: map[string]StatusCounts{}}
	for _, e := range evals {
		counts.Total.add(e.Status)
		for _, c := range e.Criteria {
			sc := counts.ByCriterion[c]
			sc.add(e.Status)
			counts.ByCriterion[c] = sc
		}
	}
	return &RunRecord{
		Schema:   Schema,
		RunID:    r.ID,
		Start:    r.Start.UTC(),
		End:      r.End.UTC(),
		Tool:     Tool{Name: r.Tool, Version: r.Version, Commit: r.Commit},
		RuleSet:  RuleSet{Version: r.Version, SHA256: setSum, Rules: rules, Library: lib},
		Scope:    scope,
		Inputs:   inputs,
		Files:    files,
		Source:   provenance(r.WorkDir, r.Env),
		Counts:   counts,
		Errors:   orEmpty(r.Report.Errors),
		Warnings: orEmpty(r.Report.Warnings),
	}, nil
}

func orEmpty(errs []report.Error) []report.Error {
	if errs == nil {
		return []report.Error{}
	}
	return errs
}

func (c *StatusCounts) add(status string) {
	switch status {
	case string(report.Pass):
		c.Pass++
	case string(report.Fail):
		c.Fail++
	case string(report.Unknown):
		c.Unknown++
	case Waived:
		c.Waived++
	}
}

func ruleDigests(rules []RuleRecord) map[string]RuleRecord {
	m := make(map[string]RuleRecord, len(rules))
	for _, ru := range rules {
		m[ru.ID] = ru
	}
	return m
}

// evaluations turns the report's checks into evaluation lines, in the
// report's order. A failed check takes its file, line and message from its
// first finding (the report sorts findings by place); it is waived when the
// report accepted it and a finding carries a waiver.
func evaluations(rep *report.Report, digests map[string]RuleRecord) []Evaluation {
	type key struct{ rule, source, resource string }
	findings := map[key][]*report.Finding{}
	for i := range rep.Findings {
		f := &rep.Findings[i]
		k := key{f.RuleID, f.Source, f.Resource}
		findings[k] = append(findings[k], f)
	}
	out := make([]Evaluation, 0, len(rep.Checks))
	for _, c := range rep.Checks {
		ru := digests[c.RuleID]
		e := Evaluation{RuleID: c.RuleID, Criteria: ru.Criteria, RuleDigest: ru.Digest, Resource: c.Resource,
			Source: c.Source, File: c.Source, Status: string(c.Status), Message: c.Message}
		if e.Criteria == nil {
			e.Criteria = []string{}
		}
		matched := findings[key{c.RuleID, c.Source, c.Resource}]
		if len(matched) > 0 && c.Status == report.Fail {
			f := matched[0]
			e.Severity = string(f.Severity)
			e.File, e.Line = f.Location.File, f.Location.Line
			msgs := make([]string, len(matched))
			for i, f := range matched {
				msgs[i] = f.Message
			}
			e.Message = strings.Join(msgs, "; ")
			if c.Accepted {
				for _, f := range matched {
					if f.Waiver != nil {
						w := f.Waiver
						e.Status = Waived
						e.WaiverReason, e.WaiverOwner, e.WaiverExpires = w.Reason, w.Owner, w.Expires
						e.WaiverOrigin = location(w.Origin)
						break
					}
				}
				e.Baseline = e.Status != Waived
			}
		}
		out = append(out, e)
	}
	return out
}

func location(l report.Location) string {
	if l.Line > 0 {
		return fmt.Sprintf("%s:%d", l.File, l.Line)
	}
	return l.File
}

// encodeJSONL encodes the evaluations one per line.
func encodeJSONL(evals []Evaluation) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, e := range evals {
		if err := enc.Encode(e); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

// sumsFile writes sums in the format of sha256sum (hex, two spaces, name),
// sorted by name, so that `sha256sum -c sha256sums` checks a bundle.
func sumsFile(files map[string][]byte) []byte {
	var b bytes.Buffer
	for _, name := range slices.Sorted(maps.Keys(files)) {
		sum := sha256.Sum256(files[name])
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	return b.Bytes()
}

// inputDigests hashes the inputs given (a file's content; a directory is
// listed without a digest) and every regular file the report names.
func inputDigests(paths []string, rep *report.Report) (inputs, files []FileDigest, err error) {
	inputs = []FileDigest{}
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil:
			return nil, nil, fmt.Errorf("input %s: %w", p, err)
		case info.IsDir():
			inputs = append(inputs, FileDigest{Path: p, Kind: "directory"})
		default:
			sum, err := fileSHA256(p)
			if err != nil {
				return nil, nil, fmt.Errorf("input %s: %w", p, err)
			}
			inputs = append(inputs, FileDigest{Path: p, SHA256: sum})
		}
	}
	named := map[string]bool{}
	for _, c := range rep.Checks {
		named[c.Source] = true
	}
	for _, f := range rep.Findings {
		named[f.Source] = true
		named[f.Location.File] = true
		for _, v := range f.Via {
			named[v.File] = true
		}
		if f.Waiver != nil {
			named[f.Waiver.Origin.File] = true
		}
	}
	for _, e := range append(slices.Clone(rep.Errors), rep.Warnings...) {
		named[e.Source] = true
	}
	files = []FileDigest{}
	for _, p := range slices.Sorted(maps.Keys(named)) {
		if p == "" {
			continue
		}
		info, err := os.Stat(p)
		if err != nil || !info.Mode().IsRegular() {
			continue // a name, not a file: bytes scanned as "name", "(rules)"
		}
		sum, err := fileSHA256(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		files = append(files, FileDigest{Path: p, SHA256: sum})
	}
	return inputs, files, nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func writeFileSync(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o444)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var u [16]byte
	rand.Read(u[:]) // never fails (crypto/rand)
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	h := hex.EncodeToString(u[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// validRunID reports whether id is a UUID in its canonical lower-case form,
// which makes it safe as a directory name.
func validRunID(id string) bool {
	if len(id) != 36 {
		return false
	}
	for i, c := range id {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}
