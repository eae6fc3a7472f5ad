// Package report defines the scan report — findings, the checks that passed
// or failed, input errors and a summary — and writes it in each output format.
// The JSON form is a stable contract documented in README.md.
package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Version is the version of the JSON report contract.
const Version = "1"

// Severity of a rule and its findings.
type Severity string

// Severities, most severe first.
const (
	Critical Severity = "critical"
	High     Severity = "high"
	Medium   Severity = "medium"
	Low      Severity = "low"
)

// Severities lists the severities, most severe first.
func Severities() []Severity { return []Severity{Critical, High, Medium, Low} }

// ParseSeverity accepts critical, high, medium or low in any case.
func ParseSeverity(s string) (Severity, error) {
	sev := Severity(strings.ToLower(strings.TrimSpace(s)))
	if sev.Rank() == 0 {
		return "", fmt.Errorf("unknown severity %q (want critical, high, medium or low)", s)
	}
	return sev, nil
}

// Rank orders severities: critical 4, high 3, medium 2, low 1; 0 for anything else.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 4
	case High:
		return 3
	case Medium:
		return 2
	case Low:
		return 1
	}
	return 0
}

// Status of a rule on one resource.
type Status string

// Check statuses.
const (
	Pass Status = "pass"
	Fail Status = "fail"
	// Unknown means the deciding value is known only after apply.
	Unknown Status = "unknown"
)

// Location is where a finding's resource is defined. Line is 0 when unknown.
type Location struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
}

// Finding is one failed check: a rule that a resource does not satisfy.
type Finding struct {
	RuleID       string   `json:"rule_id"`
	Title        string   `json:"title"`
	Severity     Severity `json:"severity"`
	Criteria     []string `json:"criteria"`
	Resource     string   `json:"resource"`
	ResourceType string   `json:"resource_type"`
	Source       string   `json:"source"`
	Location     Location `json:"location"`
	// Via is the chain of module calls leading to a resource defined in a
	// Terraform module, outermost first.
	Via         []Location `json:"via,omitempty"`
	Message     string     `json:"message"`
	Remediation string     `json:"remediation"`
	// Waiver is the exception that covers the finding, if any: a waived
	// finding stays in the report (an auditor must see exceptions) but
	// does not fail the scan.
	Waiver *Waiver `json:"waiver,omitempty"`
	// Baseline marks a finding recorded in the baseline file: known
	// before, reported, not failing the scan.
	Baseline bool `json:"baseline,omitempty"`
}

// Waiver is an accepted exception to a rule for a resource.
type Waiver struct {
	Reason  string `json:"reason"`
	Owner   string `json:"owner,omitempty"`
	Expires string `json:"expires,omitempty"` // YYYY-MM-DD; empty for an inline waiver without expiry
	// Origin is where the waiver is written: .soc2scan.yaml:12, or the
	// source line of an inline comment or annotation.
	Origin Location `json:"origin"`
	Inline bool     `json:"inline,omitempty"`
}

// Active reports whether a finding counts against the scan: neither
// waived nor in the baseline.
func (f *Finding) Active() bool {
	return f.Waiver == nil && !f.Baseline
}

// Check records that a rule evaluated a resource, and with what result: the
// evidence of what passed as well as what failed.
type Check struct {
	RuleID   string `json:"rule_id"`
	Resource string `json:"resource"`
	Source   string `json:"source"`
	Status   Status `json:"status"`
	// Message says why the status is unknown; empty otherwise.
	Message string `json:"message,omitempty"`
	// Accepted marks a failed check whose findings are all waived or in
	// the baseline: still a failure, as an accepted exception.
	Accepted bool `json:"accepted,omitempty"`
}

// Error is an input or rule that could not be read. Line is 0 when unknown.
type Error struct {
	Source  string `json:"source"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// Summary counts what the scan saw and found.
type Summary struct {
	Sources    int              `json:"sources"`
	Resources  int              `json:"resources"`
	Rules      int              `json:"rules"`
	Findings   int              `json:"findings"`
	BySeverity map[Severity]int `json:"by_severity"`
	Checks     CheckCounts      `json:"checks"`
	Errors     int              `json:"errors"`
	Warnings   int              `json:"warnings"`
	Waived     int              `json:"waived"`   // findings covered by a waiver
	Baselined  int              `json:"baseline"` // findings in the baseline
}

// CheckCounts counts checks by status.
type CheckCounts struct {
	Pass    int `json:"pass"`
	Fail    int `json:"fail"`
	Unknown int `json:"unknown"`
}

// Report is the result of a scan.
type Report struct {
	Version  string    `json:"version"`
	Findings []Finding `json:"findings"`
	Checks   []Check   `json:"checks"`
	Errors   []Error   `json:"errors"`
	// Warnings are inputs read only in part (a remote module that is not
	// downloaded, say): the scan went on, but did not see everything.
	Warnings []Error `json:"warnings"`
	Summary  Summary `json:"summary"`
}

// Finalize sorts findings, checks and errors into their deterministic order
// and recomputes the summary from them. sources, resources and rules are the
// counts the report cannot derive.
func (r *Report) Finalize(sources, resources, rules int) {
	r.Version = Version
	r.markAccepted()
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Checks == nil {
		r.Checks = []Check{}
	}
	if r.Errors == nil {
		r.Errors = []Error{}
	}
	if r.Warnings == nil {
		r.Warnings = []Error{}
	}
	// Findings and checks (one per rule and resource: hundreds of thousands
	// in a large scan) sort on two cores.
	var wg sync.WaitGroup
	wg.Go(func() {
		sortIndirect(r.Findings, func(a, b *Finding) int {
			return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Location.Line, b.Location.Line),
				cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Resource, b.Resource), cmp.Compare(a.Message, b.Message))
		})
	})
	sortIndirect(r.Checks, func(a, b *Check) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Resource, b.Resource))
	})
	wg.Wait()
	byPlace := func(a, b Error) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Message, b.Message))
	}
	slices.SortFunc(r.Errors, byPlace)
	slices.SortFunc(r.Warnings, byPlace)
	s := Summary{Sources: sources, Resources: resources, Rules: rules, Findings: len(r.Findings),
		BySeverity: map[Severity]int{}, Errors: len(r.Errors), Warnings: len(r.Warnings)}
	for _, sev := range Severities() {
		s.BySeverity[sev] = 0
	}
	for _, f := range r.Findings {
		s.BySeverity[f.Severity]++
		switch {
		case f.Waiver != nil:
			s.Waived++
		case f.Baseline:
			s.Baselined++
		}
	}
	for _, c := range r.Checks {
		switch c.Status {
		case Pass:
			s.Checks.Pass++
		case Fail:
			s.Checks.Fail++
		case Unknown:
			s.Checks.Unknown++
		}
	}
	r.Summary = s
}

// AtOrAbove counts the findings at or above a severity.
func (r *Report) AtOrAbove(min Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Active() && f.Severity.Rank() >= min.Rank() {
			n++
		}
	}
	return n
}

// markAccepted marks the failed checks whose findings are all waived or
// in the baseline.
func (r *Report) markAccepted() {
	type key struct{ rule, source, resource string }
	active := map[key]bool{}
	inactive := map[key]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Active() {
			inactive[key{f.RuleID, f.Source, f.Resource}] = true
		}
	}
	if len(inactive) > 0 {
		for i := range r.Findings {
			f := &r.Findings[i]
			if f.Active() {
				active[key{f.RuleID, f.Source, f.Resource}] = true
			}
		}
	}
	for i := range r.Checks {
		c := &r.Checks[i]
		if c.Status != Fail || len(inactive) == 0 {
			c.Accepted = false
			continue
		}
		k := key{c.RuleID, c.Source, c.Resource}
		c.Accepted = inactive[k] && !active[k]
	}
}

// sortIndirect sorts s by cmp the way slices.SortFunc does, but moves each
// element once: it sorts indexes, then follows the permutation's cycles.
// Findings are a few hundred bytes with pointers, and swapping them in
// place cost more than comparing them (each move of a pointer-holding value
// goes through the garbage collector's write barrier while it marks).
func sortIndirect[T any](s []T, cmp func(a, b *T) int) {
	sorted := true
	for i := 1; i < len(s) && sorted; i++ {
		sorted = cmp(&s[i-1], &s[i]) <= 0
	}
	if sorted {
		return
	}
	idx := make([]int32, len(s))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return cmp(&s[a], &s[b]) })
	// Element i of the result is s[idx[i]]: walk each cycle once.
	for i := range idx {
		if int(idx[i]) == i {
			continue
		}
		tmp := s[i]
		j := i
		for {
			k := int(idx[j])
			idx[j] = int32(j)
			if k == i {
				s[j] = tmp
				break
			}
			s[j] = s[k]
			j = k
		}
	}
}
