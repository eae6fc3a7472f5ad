package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// BaselineEntry is a known finding recorded in a baseline file.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"rule_id"`
	Resource    string `json:"resource"`
	File        string `json:"file"`
}

// BaselineFile is what --write-baseline writes: the fingerprints of the
// findings a team accepts as known when it adopts soc2scan on an existing
// estate, with enough beside each to read the file.
type BaselineFile struct {
	Version  string          `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// WriteBaseline writes the active findings of r as a baseline.
func WriteBaseline(w io.Writer, r *Report) error {
	b := BaselineFile{Version: Version, Findings: []BaselineEntry{}}
	for _, f := range r.Findings {
		if f.Waiver == nil {
			b.Findings = append(b.Findings, BaselineEntry{Fingerprint: Fingerprint(f), RuleID: f.RuleID, Resource: f.Resource, File: f.Location.File})
		}
	}
	slices.SortFunc(b.Findings, func(x, y BaselineEntry) int {
		switch {
		case x.Fingerprint < y.Fingerprint:
			return -1
		case x.Fingerprint > y.Fingerprint:
			return 1
		}
		return 0
	})
	b.Findings = slices.CompactFunc(b.Findings, func(x, y BaselineEntry) bool { return x.Fingerprint == y.Fingerprint })
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// ReadBaseline reads a baseline file's fingerprints.
func ReadBaseline(rd io.Reader) (map[string]bool, error) {
	var b BaselineFile
	dec := json.NewDecoder(rd)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("not a soc2scan baseline: %w", err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("baseline version %q, want %q", b.Version, Version)
	}
	set := make(map[string]bool, len(b.Findings))
	for _, e := range b.Findings {
		set[e.Fingerprint] = true
	}
	return set, nil
}

// ApplyBaseline marks the findings whose fingerprint is in the baseline
// (known before, still reported, no longer failing the scan) and updates
// the summary.
func (r *Report) ApplyBaseline(known map[string]bool) {
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Waiver == nil && known[Fingerprint(*f)] {
			f.Baseline = true
		}
	}
	r.Finalize(r.Summary.Sources, r.Summary.Resources, r.Summary.Rules)
}
