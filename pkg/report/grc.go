package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"time"
)

// GRCRecord is one rule × resource evaluation as GRC platforms' custom
// evidence APIs take it: flat (no nested objects or arrays; criteria are
// joined with ";") and with an ID that is the same for the same rule,
// resource and source in every run, so a re-upload updates, not duplicates.
type GRCRecord struct {
	// ID is the sha256 (hex) of rule id, resource and source, NUL-separated.
	ID            string `json:"id"`
	RuleID        string `json:"rule_id"`
	Title         string `json:"title"`
	Severity      string `json:"severity"`
	Criteria      string `json:"criteria"`
	Resource      string `json:"resource"`
	ResourceType  string `json:"resource_type,omitempty"`
	Source        string `json:"source"`
	File          string `json:"file"`
	Line          int    `json:"line,omitempty"`
	Status        string `json:"status"` // pass, fail, unknown, waived or baseline
	Message       string `json:"message,omitempty"`
	Remediation   string `json:"remediation,omitempty"`
	WaiverReason  string `json:"waiver_reason,omitempty"`
	WaiverOwner   string `json:"waiver_owner,omitempty"`
	WaiverExpires string `json:"waiver_expires,omitempty"`
	RuleSetSHA256 string `json:"rule_set_sha256,omitempty"`
	CheckedAt     string `json:"checked_at,omitempty"` // RFC 3339, UTC
	// RunID is the evidence bundle of the run (soc2scan scan --evidence),
	// where the record can be verified.
	RunID string `json:"run_id,omitempty"`
}

// GRCOptions are what a GRC record carries beyond the report.
type GRCOptions struct {
	// RuleSetDigest is the sha256 of the rule set that ran; optional.
	RuleSetDigest string
	// Time is when the scan ran; zero leaves checked_at out.
	Time time.Time
	// RunID is the evidence bundle's run id, when the run kept one.
	RunID string
}

// GRCRecordID is the stable id of a rule's evaluation of a resource.
func GRCRecordID(ruleID, resource, source string) string {
	sum := sha256.Sum256([]byte(ruleID + "\x00" + resource + "\x00" + source))
	return hex.EncodeToString(sum[:])
}

// GRCRecords returns one record per check (the whole population checked,
// passes included), sorted by id.
func GRCRecords(r *Report, rules []RuleInfo, opts GRCOptions) []GRCRecord {
	info := map[string]RuleInfo{}
	for _, ru := range rules {
		info[ru.ID] = ru
	}
	findings := map[string]Finding{}
	for _, f := range r.Findings {
		k := GRCRecordID(f.RuleID, f.Resource, f.Source)
		if _, ok := findings[k]; !ok {
			findings[k] = f
		}
	}
	checkedAt := ""
	if !opts.Time.IsZero() {
		checkedAt = opts.Time.UTC().Format(time.RFC3339)
	}
	out := make([]GRCRecord, 0, len(r.Checks))
	for _, c := range r.Checks {
		ru := info[c.RuleID]
		rec := GRCRecord{
			ID: GRCRecordID(c.RuleID, c.Resource, c.Source), RuleID: c.RuleID, Title: ru.Title, Severity: string(ru.Severity),
			Criteria: strings.Join(ru.Criteria, ";"), Resource: c.Resource, Source: c.Source, File: c.Source,
			Status: string(c.Status), Message: c.Message, RuleSetSHA256: opts.RuleSetDigest, CheckedAt: checkedAt, RunID: opts.RunID,
		}
		if f, ok := findings[rec.ID]; ok {
			rec.Title, rec.Severity, rec.Criteria = f.Title, string(f.Severity), strings.Join(f.Criteria, ";")
			rec.ResourceType, rec.Message, rec.Remediation = f.ResourceType, f.Message, f.Remediation
			if f.Location.File != "" {
				rec.File, rec.Line = f.Location.File, f.Location.Line
			}
			switch {
			case c.Status != Fail:
			case f.Waiver != nil:
				rec.Status = "waived"
				rec.WaiverReason, rec.WaiverOwner, rec.WaiverExpires = f.Waiver.Reason, f.Waiver.Owner, f.Waiver.Expires
			case f.Baseline:
				rec.Status = "baseline"
			}
		}
		out = append(out, rec)
	}
	slices.SortFunc(out, func(a, b GRCRecord) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// GRCJSON writes the GRC records of a report as an indented JSON array.
func GRCJSON(w io.Writer, r *Report, rules []RuleInfo, opts GRCOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(GRCRecords(r, rules, opts))
}
