package report

import (
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"

	"github.com/soc2scan/soc2scan/pkg/soc2"
)

//go:embed templates/page.html.tmpl templates/report.html.tmpl templates/style.css
var htmlFiles embed.FS

// htmlScript opens the criterion a link points at: not every browser
// opens a <details> that is the target of the page's fragment.
const htmlScript = `function openTarget(){var e=document.getElementById(decodeURIComponent(location.hash.slice(1)));if(e&&e.tagName==="DETAILS"){e.open=true;}}
addEventListener("hashchange",openTarget);openTarget();`

// HTMLTemplate returns the template of a self-contained soc2scan HTML
// page — inline stylesheet and script, a Content-Security-Policy that
// lets nothing else load or run — around text, which defines the
// templates "title" and "body". funcs are added to the functions every
// page has: place (file, line → file:line) and heat (count, total → the
// shade of a heat map cell, "" or l1 to l4).
func HTMLTemplate(text string, funcs template.FuncMap) (*template.Template, error) {
	style, err := htmlFiles.ReadFile("templates/style.css")
	if err != nil {
		return nil, err
	}
	csp := htmlPolicy(string(style), htmlScript)
	t := template.New("page.html.tmpl").Funcs(template.FuncMap{
		"style":  func() template.CSS { return template.CSS(style) },
		"script": func() template.JS { return template.JS(htmlScript) },
		"csp":    func() string { return csp },
		"place":  position,
		"heat":   heatLevel,
	}).Funcs(funcs)
	if t, err = t.ParseFS(htmlFiles, "templates/page.html.tmpl"); err != nil {
		return nil, err
	}
	return t.Parse(text)
}

// htmlPolicy is the Content-Security-Policy of a page with the inline
// style and script given: nothing else may load, run or be fetched, so
// the page is self-contained and an escaping slip cannot run a script.
func htmlPolicy(style, script string) string {
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return fmt.Sprintf("default-src 'none'; style-src %s; script-src %s; img-src data:; base-uri 'none'; form-action 'none'",
		hash(style), hash(script))
}

// heatLevel is the shade of a count in a heat map cell, by its share of
// the total: "" for none, l1 to l4 up to all.
func heatLevel(n, total int) string {
	if n <= 0 || total <= 0 {
		return ""
	}
	return fmt.Sprintf("l%d", min(4, (4*n+total-1)/total))
}

// htmlPage is what the report template shows.
type htmlPage struct {
	Report   *Report
	Criteria *CriteriaReport
	Series   []Series[htmlCriterion]
	Rows     []htmlCriterion
	Waived   []Finding
	// Severities and Statuses order the counts.
	Severities []Severity
	Statuses   []CriterionStatus
}

// Series is one row of an HTML page's heat map: the rows of one criteria
// series (CC6 Logical and Physical Access Controls), in order.
type Series[T any] struct {
	Name string
	Rows []T
}

// BySeries groups rows, in the catalogue's order, into runs of one series;
// id gives a row's criterion.
func BySeries[T any](rows []T, id func(T) string) []Series[T] {
	var out []Series[T]
	for _, row := range rows {
		name := id(row)
		if cr, ok := soc2.Lookup(name); ok {
			name = cr.Series
		}
		if n := len(out); n == 0 || out[n-1].Name != name {
			out = append(out, Series[T]{Name: name})
		}
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, row)
	}
	return out
}

// htmlCriterion is one criterion with its rules and their resources.
type htmlCriterion struct {
	CriterionResult
	Index int    // in CriteriaReport.Criteria, for the JSON pointers
	Class string // its status, or waived: passed with accepted exceptions
	Rules []htmlRule
}

// StatusText says the criterion's status in words.
func (c htmlCriterion) StatusText() string {
	if c.Class == "waived" {
		return "passed with exceptions"
	}
	return statusWord[c.Status]
}

type htmlRule struct {
	RuleEvidence
	Resources []htmlResource
}

// htmlResource is one resource a rule checked, with its findings.
type htmlResource struct {
	Resource, Place, Message string
	Status                   string // pass, fail, unknown, waived, baseline
	Findings                 []Finding
}

// HTML writes the report as one self-contained HTML page: the counts, a
// heat map of the criteria in scope by status, each criterion with its
// rules and the resources they checked (file:line, findings), all
// findings, and the waivers with their reasons. c is the criteria report
// of the same scan; without it (nil) the page has no criteria. Every value
// is escaped: the scanned files are untrusted.
func HTML(w io.Writer, r *Report, c *CriteriaReport) error {
	text, err := htmlFiles.ReadFile("templates/report.html.tmpl")
	if err != nil {
		return err
	}
	t, err := HTMLTemplate(string(text), template.FuncMap{
		"join":   joinCategories,
		"status": func(s CriterionStatus) string { return statusWord[s] },
	})
	if err != nil {
		return err
	}
	p := htmlPage{Report: r, Criteria: c, Severities: Severities(),
		Statuses: []CriterionStatus{CriterionFailed, CriterionPassed, CriterionNotChecked, CriterionManual}}
	for _, f := range r.Findings {
		if f.Waiver != nil {
			p.Waived = append(p.Waived, f)
		}
	}
	if c != nil {
		p.Rows = htmlCriteria(r, c)
		p.Series = BySeries(p.Rows, func(row htmlCriterion) string { return row.ID })
	}
	return t.Execute(w, p)
}

// htmlCriteria joins the criteria report with the checks and findings
// behind it.
func htmlCriteria(r *Report, c *CriteriaReport) []htmlCriterion {
	key := func(rule, source, resource string) string { return rule + "\x00" + source + "\x00" + resource }
	findings := map[string][]Finding{}
	for _, f := range r.Findings {
		k := key(f.RuleID, f.Source, f.Resource)
		findings[k] = append(findings[k], f)
	}
	byRule := map[string][]htmlResource{}
	for _, ch := range r.Checks {
		fs := findings[key(ch.RuleID, ch.Source, ch.Resource)]
		res := htmlResource{Resource: ch.Resource, Place: ch.Source, Message: ch.Message, Status: string(ch.Status), Findings: fs}
		if len(fs) > 0 {
			res.Place = position(fs[0].Location.File, fs[0].Location.Line)
		}
		if ch.Accepted {
			res.Status = "waived"
			if fs[0].Waiver == nil {
				res.Status = "baseline"
			}
		}
		byRule[ch.RuleID] = append(byRule[ch.RuleID], res)
	}
	for _, rs := range byRule {
		// Failures first, then by place: what needs attention on top.
		rank := map[string]int{"fail": 0, "waived": 1, "baseline": 1, "unknown": 2, "pass": 3}
		slices.SortStableFunc(rs, func(a, b htmlResource) int {
			return cmp.Or(cmp.Compare(rank[a.Status], rank[b.Status]), cmp.Compare(a.Place, b.Place), cmp.Compare(a.Resource, b.Resource))
		})
	}
	rows := make([]htmlCriterion, len(c.Criteria))
	for i, cr := range c.Criteria {
		row := htmlCriterion{CriterionResult: cr, Index: i, Class: string(cr.Status)}
		if cr.Status == CriterionPassed && cr.Resources.Waived > 0 {
			row.Class = "waived"
		}
		for _, ru := range cr.Rules {
			row.Rules = append(row.Rules, htmlRule{RuleEvidence: ru, Resources: byRule[ru.RuleID]})
		}
		rows[i] = row
	}
	return rows
}
