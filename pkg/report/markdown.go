package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// Markdown writes a summary for a pull-request comment: the counts, then
// the findings grouped by SOC 2 criterion (a finding appears under each of
// its criteria), each group in a collapsible section, and the inputs that
// could not be read.
func Markdown(w io.Writer, r *Report) error {
	var b strings.Builder
	s := r.Summary
	b.WriteString("## soc2scan\n\n")
	if s.Findings == 0 {
		fmt.Fprintf(&b, "No findings: %d checks passed on %d resources in %d files", s.Checks.Pass, s.Resources, s.Sources)
		if s.Checks.Unknown > 0 {
			fmt.Fprintf(&b, " (%d unknown until apply)", s.Checks.Unknown)
		}
		b.WriteString(".\n")
	} else {
		var parts []string
		for _, sev := range Severities() {
			if n := s.BySeverity[sev]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, sev))
			}
		}
		fmt.Fprintf(&b, "**%d %s** (%s) on %d resources in %d files; %d checks passed, %d unknown",
			s.Findings, plural(s.Findings, "finding", "findings"), strings.Join(parts, ", "), s.Resources, s.Sources, s.Checks.Pass, s.Checks.Unknown)
		if s.Waived+s.Baselined > 0 {
			fmt.Fprintf(&b, "; %d accepted as exceptions (waived or in the baseline)", s.Waived+s.Baselined)
		}
		b.WriteString(".\n")
	}
	byCriterion := map[string][]Finding{}
	for _, f := range r.Findings {
		for _, c := range f.Criteria {
			byCriterion[c] = append(byCriterion[c], f)
		}
	}
	for _, c := range soc2.Criteria() {
		fs := byCriterion[c.ID]
		if len(fs) == 0 {
			continue
		}
		slices.SortStableFunc(fs, func(a, b Finding) int { return b.Severity.Rank() - a.Severity.Rank() })
		fmt.Fprintf(&b, "\n<details><summary><b>%s</b> %s: %d %s</summary>\n\n", c.ID, htmlEscape(c.Title), len(fs), plural(len(fs), "finding", "findings"))
		b.WriteString("| Severity | Rule | Resource | Location | Finding |\n|---|---|---|---|---|\n")
		for _, f := range fs {
			msg := mdEscape(f.Message)
			switch {
			case f.Waiver != nil:
				msg += " *(waived: " + mdEscape(f.Waiver.Reason) + ")*"
			case f.Baseline:
				msg += " *(baseline)*"
			}
			fmt.Fprintf(&b, "| %s | %s | `%s` | %s | %s |\n", f.Severity, f.RuleID, mdCode(f.Resource), mdEscape(position(f.Location.File, f.Location.Line)), msg)
		}
		b.WriteString("\n</details>\n")
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(&b, "\n**%d %s** (these inputs were not scanned):\n\n", len(r.Errors), plural(len(r.Errors), "error", "errors"))
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "- %s: %s\n", mdEscape(position(e.Source, e.Line)), mdEscape(e.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func mdCode(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "`", "'"), "|", `\|`)
}
