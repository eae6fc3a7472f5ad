package evidence

import (
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/soc2scan/soc2scan/pkg/report"
)

// periodPage is what the period template shows.
type periodPage struct {
	*PeriodReport
	Series   []report.Series[periodRow]
	Rows     []periodRow
	Statuses []report.CriterionStatus
	// Buckets are the weeks or months of the criteria's timelines, and
	// Checked the rows of criteria that have rules.
	Buckets []PeriodBucket
	Checked []periodRow
}

// periodRow is one criterion with its rules, their findings and waivers.
type periodRow struct {
	PeriodCriterion
	Index int    // in PeriodReport.Criteria, for the JSON pointers
	Class string // its status, or waived: passed with waived findings
	Rules []periodRuleRow
}

type periodRuleRow struct {
	PeriodRule
	Index int // in PeriodReport.Rules
	// Of this rule: its findings for the criterion, its waivers.
	FindingList []PeriodFinding
	WaiverList  []PeriodWaiver
}

// StatusText says the criterion's status in words.
func (r periodRow) StatusText() string {
	if r.Class == "waived" {
		return "passed in every run, with waivers"
	}
	return periodStatusWord[r.Status]
}

// PeriodHTML writes the period report as one self-contained HTML page: the
// period, its runs and coverage, a heat map of the criteria in scope by
// status and share of runs passing, each criterion with its rules, their
// findings (file:line, first seen, fixed, time to remediate) and waivers
// (reason, owner, expiry, state), then all findings and waivers. Every
// value is escaped: the scanned files are untrusted.
func PeriodHTML(w io.Writer, p *PeriodReport) error {
	t, err := report.HTMLTemplate(periodTemplate, template.FuncMap{
		"date":     date,
		"datePtr":  datePtr,
		"time":     func(t *time.Time) string { return t.Format(time.RFC3339) },
		"short":    short,
		"gaps":     gapsText,
		"share":    shareCell,
		"ttr":      ttrText,
		"waiverSt": waiverState,
		"status":   func(s report.CriterionStatus) string { return periodStatusWord[s] },
		"sub":      func(a, b int) int { return a - b },
		"join":     func(s []string) string { return strings.Join(s, ", ") },
	})
	if err != nil {
		return err
	}
	page := periodPage{PeriodReport: p,
		Statuses: []report.CriterionStatus{report.CriterionFailed, report.CriterionPassed, report.CriterionNotChecked, report.CriterionManual}}
	rules := map[string]int{}
	for i, r := range p.Rules {
		rules[r.ID] = i
	}
	for i, c := range p.Criteria {
		row := periodRow{PeriodCriterion: c, Index: i, Class: string(c.Status)}
		for _, id := range c.Rules {
			rr := periodRuleRow{PeriodRule: p.Rules[rules[id]], Index: rules[id]}
			for _, f := range p.Findings {
				if f.RuleID == id && slices.Contains(f.Criteria, c.ID) {
					rr.FindingList = append(rr.FindingList, f)
				}
			}
			for _, wv := range p.Waivers {
				if wv.RuleID == id {
					rr.WaiverList = append(rr.WaiverList, wv)
				}
			}
			if c.Status == report.CriterionPassed && len(rr.WaiverList) > 0 {
				row.Class = "waived"
			}
			row.Rules = append(row.Rules, rr)
		}
		page.Rows = append(page.Rows, row)
		if len(c.Rules) > 0 {
			page.Checked = append(page.Checked, row)
		}
	}
	if len(p.Criteria) > 0 {
		page.Buckets = p.Criteria[0].Timeline
	}
	page.Series = report.BySeries(page.Rows, func(row periodRow) string { return row.ID })
	return t.Execute(w, page)
}

const periodTemplate = `{{define "title"}}SOC 2 period report {{.From}} to {{.To}}{{end}}
{{define "body"}}<h1>SOC 2 period report</h1>
<p>Period: <b>{{.From}}</b> to <b>{{.To}}</b> (<span data-json="/days">{{.Days}}</span> days); scope: {{range $i, $c := .Scope}}{{if $i}}, {{end}}{{$c}}{{end}}.
{{- if .FirstRun}} First run {{time .FirstRun}}, last {{time .LastRun}}.{{end}}</p>
<div class="cards">
<div class="card">Runs<b data-json="/runs">{{.Runs}}</b></div>
<div class="card">Runs with scan errors<b data-json="/runs_with_errors">{{.RunsWithErrors}}</b></div>
<div class="card">Days covered<b data-json="/days_covered">{{.DaysCovered}}</b></div>
<div class="card">Findings<b data-json="/summary/findings">{{.Summary.Findings}}</b></div>
<div class="card">Open at the end<b data-json="/summary/open">{{.Summary.Open}}</b></div>
<div class="card">Fixed<b data-json="/summary/fixed">{{.Summary.Fixed}}</b></div>
<div class="card">Waived<b data-json="/summary/waived">{{.Summary.Waived}}</b></div>
<div class="card">No longer evaluated<b data-json="/summary/not_evaluated">{{.Summary.NotEvaluated}}</b></div>
<div class="card">Waivers expired while failing<b data-json="/summary/waivers_expired_while_failing">{{.Summary.WaiversExpired}}</b></div>
</div>
{{- if .Gaps}}
<p>No run on: {{gaps .Gaps}}.</p>
{{- end}}
{{- if .RuleSet}}
<p>Rule set at the start: <code>{{.RuleSet}}</code>; {{len .RuleSetChanges}} change(s) in the period.</p>
{{- end}}
{{- if .RuleSetChanges}}
<table>
<thead><tr><th>Time</th><th>Run</th><th>Rule set</th><th>Version</th><th>Changed</th><th>Added</th><th>Removed</th><th>Library</th></tr></thead>
<tbody>
{{- range .RuleSetChanges}}
<tr><td>{{.Time.Format "2006-01-02T15:04:05Z07:00"}}</td><td><code>{{.RunID}}</code></td><td><code>{{short .Old}}</code> → <code>{{short .New}}</code></td><td>{{.OldVersion}} → {{.NewVersion}}</td>
<td>{{join .Changed}}</td><td>{{join .Added}}</td><td>{{join .Removed}}</td><td>{{join .Library}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
<h2>SOC 2 criteria</h2>
<p>{{len .Criteria}} criteria in scope: {{range $i, $s := $.Statuses}}{{if $i}}, {{end}}<span data-json="/summary/criteria/{{$s}}">{{index $.Summary.Criteria $s}}</span> {{status $s}}{{end}}.</p>
<div class="legend"><span class="failed">failed in some runs</span><span class="waived">passed in every run, with waivers</span><span class="passed">passed in every run</span><span class="not-checked">not checked</span><span class="manual">manual evidence needed</span></div>
<div class="heat">
{{- range .Series}}
<div class="series">{{.Name}}</div>
<div class="tiles">{{range .Rows}}<a class="tile {{.Class}}" href="#{{.ID}}" title="{{.ID}} {{.Title}}: {{.StatusText}}">{{.ID}}</a>{{end}}</div>
{{- end}}
</div>
{{- if .Checked}}
<h3>Runs passing by {{.Bucket}}</h3>
<p class="muted">Runs that passed the criterion / runs that checked it, per {{.Bucket}} of the period: whether the controls operated all through it.</p>
<div class="scroll"><table class="timeline">
<thead><tr><th>Criterion</th>{{range .Buckets}}<th class="n" title="{{.From}} to {{.To}}">{{.From}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Checked}}{{$i := .Index}}
<tr><td><a href="#{{.ID}}">{{.ID}}</a></td>{{range $j, $b := .Timeline}}{{if $b.RunsChecked}}<td class="h failed {{heat (sub $b.RunsChecked $b.RunsPassing) $b.RunsChecked}}" title="{{$b.From}} to {{$b.To}}"><span data-json="/criteria/{{$i}}/timeline/{{$j}}/runs_passing">{{$b.RunsPassing}}</span>/<span data-json="/criteria/{{$i}}/timeline/{{$j}}/runs_checked">{{$b.RunsChecked}}</span></td>{{else}}<td class="h muted" title="{{$b.From}} to {{$b.To}}: no run checked it">–</td>{{end}}{{end}}</tr>
{{- end}}
</tbody>
</table></div>
{{- end}}
<h3>Runs by result</h3>
<table>
<thead><tr><th>Criterion</th><th>Status</th><th class="n">Rules</th><th class="n">Resources</th><th class="n">Runs checking</th><th class="n">Runs failing</th><th class="n">Runs passing</th><th class="n">Findings</th><th class="n">Open</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><td><a href="#{{.ID}}">{{.ID}}</a> {{.Title}}</td><td><span class="badge {{.Class}}">{{.StatusText}}</span></td>
<td class="n">{{len .Rules}}</td>
<td class="n" data-json="/criteria/{{.Index}}/resources">{{.Resources}}</td>
<td class="n" data-json="/criteria/{{.Index}}/runs_checked">{{.RunsChecked}}</td>
<td class="h failed {{heat (sub .RunsChecked .RunsPassing) .RunsChecked}}">{{sub .RunsChecked .RunsPassing}}</td>
<td class="h passed {{heat .RunsPassing .RunsChecked}}" data-json="/criteria/{{.Index}}/runs_passing">{{.RunsPassing}}</td>
<td class="n" data-json="/criteria/{{.Index}}/findings">{{.Findings}}</td>
<td class="h failed {{heat .Open .Findings}}" data-json="/criteria/{{.Index}}/open">{{.Open}}</td></tr>
{{- end}}
</tbody>
</table>
<h2>Criteria in detail</h2>
{{- range .Rows}}
<details class="criterion {{.Class}}" id="{{.ID}}"{{if eq .Class "failed"}} open{{end}}>
<summary><b>{{.ID}}</b> {{.Title}} <span class="badge {{.Class}}">{{.StatusText}}</span> <span class="muted">{{.Category}}; configuration evidence: {{.IaCEvidence}}</span></summary>
<p>{{.Note}}</p>
{{- range .Rules}}
<details class="rule"{{if .FindingList}} open{{end}}>
<summary><code>{{.ID}}</code>: <span data-json="/rules/{{.Index}}/runs">{{.Runs}}</span> runs, passing {{share .RunsPassing .RunsChecked}}, <span data-json="/rules/{{.Index}}/days_covered">{{.DaysCovered}}</span>/{{$.Days}} days, <span data-json="/rules/{{.Index}}/resources">{{.Resources}}</span> resources, <span data-json="/rules/{{.Index}}/findings">{{.Findings}}</span> findings, <span data-json="/rules/{{.Index}}/open">{{.Open}}</span> open</summary>
{{- if .Gaps}}
<p class="muted">Not checked on {{gaps .Gaps}}.</p>
{{- end}}
{{- if .FindingList}}
<table>
<thead><tr><th>Resource</th><th>Location</th><th>Severity</th><th>Message</th><th>First seen</th><th>Remediated</th><th>State</th></tr></thead>
<tbody>
{{- range .FindingList}}
<tr><td><code>{{.Resource}}</code></td><td><code>{{place .File .Line}}</code></td><td>{{with .Severity}}<span class="badge {{.}}">{{.}}</span>{{end}}</td><td>{{.Message}}</td>
<td>{{date .FirstSeen}}{{if .OpenAtStart}} <span class="muted">(at start)</span>{{end}}</td><td>{{with .Remediated}}{{date .}}{{end}} {{ttr .}}</td><td><span class="badge {{.State}}">{{.State}}</span></td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- if .WaiverList}}
<table>
<thead><tr><th>Resource</th><th>Reason</th><th>Owner</th><th>Expires</th><th>Applied</th><th>State</th></tr></thead>
<tbody>
{{- range .WaiverList}}
<tr><td><code>{{.Resource}}</code></td><td>{{.Reason}}</td><td>{{.Owner}}</td><td>{{.Expires}}</td><td>{{date .From}} to {{date .To}}</td><td>{{waiverSt .}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
</details>
{{- end}}
</details>
{{- end}}
<h2>Findings</h2>
{{- if .Findings}}
<table>
<thead><tr><th>Rule</th><th>Criteria</th><th>Resource</th><th>Location</th><th>Severity</th><th>Message</th><th>First seen</th><th>Waived</th><th>Fixed</th><th>Time to remediate</th><th>State</th></tr></thead>
<tbody>
{{- range .Findings}}
<tr><td><code>{{.RuleID}}</code></td><td>{{range $i, $c := .Criteria}}{{if $i}}, {{end}}<a href="#{{$c}}">{{$c}}</a>{{end}}</td><td><code>{{.Resource}}</code></td><td><code>{{place .File .Line}}</code></td>
<td>{{with .Severity}}<span class="badge {{.}}">{{.}}</span>{{end}}</td><td>{{.Message}}</td>
<td>{{date .FirstSeen}}{{if .OpenAtStart}} <span class="muted">(at start)</span>{{end}}</td><td>{{datePtr .Waived}}</td><td>{{datePtr .Fixed}}</td><td>{{ttr .}}</td><td><span class="badge {{.State}}">{{.State}}</span></td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>No findings in the period.</p>
{{- end}}
<h2>Waivers</h2>
{{- if .Waivers}}
<table>
<thead><tr><th>Rule</th><th>Resource</th><th>Reason</th><th>Owner</th><th>Expires</th><th>Written at</th><th>Applied</th><th>State</th></tr></thead>
<tbody>
{{- range .Waivers}}
<tr><td><code>{{.RuleID}}</code></td><td><code>{{.Resource}}</code></td><td>{{.Reason}}</td><td>{{.Owner}}</td><td>{{.Expires}}</td><td><code>{{.Origin}}</code></td>
<td>{{date .From}} to {{date .To}}</td><td>{{waiverSt .}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>No waivers applied in the period.</p>
{{- end}}
<footer>soc2scan period report, {{.Schema}}.</footer>
{{end}}
`
