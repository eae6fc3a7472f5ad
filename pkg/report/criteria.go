package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// RuleInfo is what reports need to know of a rule that ran, beyond its
// findings: the criteria report and SARIF list every rule.
type RuleInfo struct {
	ID          string
	Title       string
	Description string
	Severity    Severity
	Criteria    []string
	Remediation string
}

// CriterionStatus sums up the automated evidence for one criterion.
type CriterionStatus string

// Criterion statuses.
const (
	// CriterionFailed: at least one resource failed a rule for it.
	CriterionFailed CriterionStatus = "failed"
	// CriterionPassed: resources were checked and none failed; some may be
	// unknown.
	CriterionPassed CriterionStatus = "passed"
	// CriterionNotChecked: rules exist for it, but no resource of theirs
	// was in the scan.
	CriterionNotChecked CriterionStatus = "not-checked"
	// CriterionManual: no rule gives evidence for it; it needs manual
	// evidence.
	CriterionManual CriterionStatus = "manual"
)

// Counts counts resources by the outcome of their checks.
type Counts struct {
	Checked int `json:"checked"`
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	Unknown int `json:"unknown"`
	// Waived counts failures accepted as exceptions (waivers, baseline):
	// listed apart, never hidden.
	Waived int `json:"waived"`
}

// RuleEvidence is one rule's contribution to a criterion.
type RuleEvidence struct {
	RuleID string `json:"rule_id"`
	Title  string `json:"title"`
	Counts
}

// CriterionResult is the automated evidence for one criterion in scope.
type CriterionResult struct {
	ID          string          `json:"id"`
	Category    soc2.Category   `json:"category"`
	Title       string          `json:"title"`
	IaCEvidence soc2.Evidence   `json:"iac_evidence"`
	Status      CriterionStatus `json:"status"`
	// Resources counts distinct resources: failed when a rule failed it,
	// unknown when none failed and one could not tell, else passed.
	Resources Counts         `json:"resources"`
	Rules     []RuleEvidence `json:"rules"`
	// Note says, in plain words, what the status means for an auditor.
	Note string `json:"note"`
}

// CriteriaReport is the report a compliance owner hands an auditor: for
// every criterion in scope, which automated checks gave evidence for it,
// on what, and with what result.
type CriteriaReport struct {
	Version  string                  `json:"version"`
	Scope    []soc2.Category         `json:"scope"`
	Criteria []CriterionResult       `json:"criteria"`
	Summary  map[CriterionStatus]int `json:"summary"`
}

// Criteria builds the criteria report of a scan from its checks and the
// rules that ran, for the criteria in scope, in catalogue order.
func Criteria(r *Report, rules []RuleInfo, scope soc2.Scope) *CriteriaReport {
	// Outcome of every (rule, resource) pair, and of every resource.
	type key struct{ rule, resource string }
	outcome := map[key]Status{}
	for _, c := range r.Checks {
		st := c.Status
		if c.Accepted {
			st = waived
		}
		outcome[key{c.RuleID, c.Source + "\x00" + c.Resource}] = st
	}
	byCriterion := map[string][]RuleInfo{}
	for _, ru := range rules {
		for _, id := range ru.Criteria {
			byCriterion[id] = append(byCriterion[id], ru)
		}
	}
	perRule := map[string]map[string]Status{} // rule → resource → status
	for k, st := range outcome {
		if perRule[k.rule] == nil {
			perRule[k.rule] = map[string]Status{}
		}
		perRule[k.rule][k.resource] = st
	}
	out := &CriteriaReport{Version: Version, Scope: scope.Categories(), Criteria: []CriterionResult{},
		Summary: map[CriterionStatus]int{CriterionFailed: 0, CriterionPassed: 0, CriterionNotChecked: 0, CriterionManual: 0}}
	for _, c := range soc2.Criteria() {
		if !scope.Includes(c.ID) {
			continue
		}
		res := CriterionResult{ID: c.ID, Category: c.Category, Title: c.Title, IaCEvidence: c.IaCEvidence, Rules: []RuleEvidence{}}
		resources := map[string]Status{}
		rs := slices.Clone(byCriterion[c.ID])
		slices.SortFunc(rs, func(a, b RuleInfo) int { return cmp.Compare(a.ID, b.ID) })
		for _, ru := range rs {
			ev := RuleEvidence{RuleID: ru.ID, Title: ru.Title}
			for resource, st := range perRule[ru.ID] {
				ev.Counts.add(st)
				resources[resource] = worse(resources[resource], st)
			}
			res.Rules = append(res.Rules, ev)
		}
		for _, st := range resources {
			res.Resources.add(st)
		}
		switch {
		case len(rs) == 0:
			res.Status = CriterionManual
			res.Note = "No automated check gives evidence for this criterion: it needs manual evidence (policies, procedures, records of their operation)."
		case res.Resources.Checked == 0:
			res.Status = CriterionNotChecked
			res.Note = "Rules exist for this criterion, but no resource they check was in the scan: no automated evidence from this scan."
		case res.Resources.Failed > 0:
			res.Status = CriterionFailed
			res.Note = fmt.Sprintf("%d of %d %s checked fail a control for this criterion.", res.Resources.Failed, res.Resources.Checked,
				plural(res.Resources.Checked, "resource", "resources"))
		default:
			res.Status = CriterionPassed
			res.Note = fmt.Sprintf("All %d %s checked pass", res.Resources.Checked, plural(res.Resources.Checked, "resource", "resources"))
			if res.Resources.Unknown > 0 {
				res.Note += fmt.Sprintf(", %d of them only known after apply", res.Resources.Unknown)
			}
			res.Note += "; configuration is evidence of design, the rest of the criterion needs its own evidence."
			if c.IaCEvidence == soc2.EvidenceSupporting {
				res.Note = strings.Replace(res.Note, "configuration is evidence of design", "configuration only corroborates this organisational criterion", 1)
			}
		}
		out.Summary[res.Status]++
		out.Criteria = append(out.Criteria, res)
	}
	return out
}

// waived is the criteria report's status of a failed check accepted as an
// exception.
const waived Status = "waived"

func (c *Counts) add(st Status) {
	c.Checked++
	switch st {
	case waived:
		c.Waived++
	case Pass:
		c.Passed++
	case Fail:
		c.Failed++
	case Unknown:
		c.Unknown++
	}
}

// worse returns the status that dominates: fail over unknown over pass.
func worse(a, b Status) Status {
	rank := map[Status]int{"": 0, Pass: 1, Unknown: 2, waived: 3, Fail: 4}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// CriteriaJSON writes the criteria report as indented JSON.
func CriteriaJSON(w io.Writer, c *CriteriaReport) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(c)
}

var statusWord = map[CriterionStatus]string{
	CriterionFailed:     "FAILED",
	CriterionPassed:     "passed",
	CriterionNotChecked: "not checked",
	CriterionManual:     "manual evidence needed",
}

// CriteriaText writes the criteria report for a terminal: one block per
// criterion with the rules that gave evidence for it.
func CriteriaText(w io.Writer, c *CriteriaReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "SOC 2 criteria report; scope: %s\n\n", joinCategories(c.Scope))
	for _, cr := range c.Criteria {
		fmt.Fprintf(&b, "%-6s %s [%s]: %s\n", cr.ID, cr.Title, cr.Category, statusWord[cr.Status])
		if cr.Resources.Checked > 0 {
			fmt.Fprintf(&b, "       %s\n", countsText(cr.Resources, true))
		}
		for _, ru := range cr.Rules {
			fmt.Fprintf(&b, "       %-14s %s: %s\n", ru.RuleID, ru.Title, countsText(ru.Counts, false))
		}
		fmt.Fprintf(&b, "       %s\n", cr.Note)
	}
	fmt.Fprintf(&b, "\n%d criteria in scope: %d failed, %d passed, %d not checked, %d need manual evidence\n",
		len(c.Criteria), c.Summary[CriterionFailed], c.Summary[CriterionPassed], c.Summary[CriterionNotChecked], c.Summary[CriterionManual])
	_, err := io.WriteString(w, b.String())
	return err
}

// countsText says what was checked; resources names the resources when
// true ("3 resources: ..."), else the counts are of one rule's checks.
func countsText(c Counts, resources bool) string {
	switch {
	case c.Checked == 0:
		return "nothing checked in this scan"
	case resources:
		return fmt.Sprintf("%d %s: %d passed, %d failed, %d unknown%s", c.Checked, plural(c.Checked, "resource", "resources"), c.Passed, c.Failed, c.Unknown, waivedText(c))
	}
	return fmt.Sprintf("%d checked: %d passed, %d failed, %d unknown%s", c.Checked, c.Passed, c.Failed, c.Unknown, waivedText(c))
}

func waivedText(c Counts) string {
	if c.Waived == 0 {
		return ""
	}
	return fmt.Sprintf(", %d waived", c.Waived)
}

func joinCategories(cs []soc2.Category) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// CriteriaMarkdown writes the criteria report as Markdown, for an auditor
// or a pull request: a summary table, then each criterion with its rules.
func CriteriaMarkdown(w io.Writer, c *CriteriaReport) error {
	var b strings.Builder
	b.WriteString("# SOC 2 criteria report\n\n")
	fmt.Fprintf(&b, "Scope: %s. %d criteria: **%d failed**, %d passed, %d not checked, %d need manual evidence.\n\n",
		joinCategories(c.Scope), len(c.Criteria), c.Summary[CriterionFailed], c.Summary[CriterionPassed],
		c.Summary[CriterionNotChecked], c.Summary[CriterionManual])
	b.WriteString("| Criterion | Category | Status | Resources checked | Passed | Failed | Unknown | Rules |\n")
	b.WriteString("|---|---|---|---:|---:|---:|---:|---:|\n")
	for _, cr := range c.Criteria {
		fmt.Fprintf(&b, "| [%s](#%s) %s | %s | %s | %d | %d | %d | %d | %d |\n", cr.ID, anchor(cr.ID), mdEscape(cr.Title), cr.Category,
			statusWord[cr.Status], cr.Resources.Checked, cr.Resources.Passed, cr.Resources.Failed, cr.Resources.Unknown, len(cr.Rules))
	}
	for _, cr := range c.Criteria {
		fmt.Fprintf(&b, "\n## %s\n\n**%s** (%s): %s. %s\n", cr.ID, mdEscape(cr.Title), cr.Category, statusWord[cr.Status], cr.Note)
		if len(cr.Rules) == 0 {
			continue
		}
		b.WriteString("\n| Rule | Checked | Passed | Failed | Unknown |\n|---|---:|---:|---:|---:|\n")
		for _, ru := range cr.Rules {
			fmt.Fprintf(&b, "| %s %s | %d | %d | %d | %d |\n", ru.RuleID, mdEscape(ru.Title), ru.Checked, ru.Passed, ru.Failed, ru.Unknown)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func anchor(id string) string {
	return strings.ToLower(strings.ReplaceAll(id, ".", ""))
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
