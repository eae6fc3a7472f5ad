package report

import (
	"fmt"
	"io"
	"strings"
)

// githubCommand maps severities to GitHub Actions workflow commands.
var githubCommand = map[Severity]string{Critical: "error", High: "error", Medium: "warning", Low: "notice"}

// GitHub writes one GitHub Actions workflow command per finding
// (::error file=...,line=...,title=...::message), which GitHub shows as
// annotations on the pull request's files, and one per input error.
func GitHub(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, f := range r.Findings {
		if !f.Active() {
			continue // accepted exceptions do not annotate pull requests
		}
		title := fmt.Sprintf("%s (%s) %s", f.RuleID, f.Severity, strings.Join(f.Criteria, ","))
		fmt.Fprintf(&b, "::%s file=%s,line=%d,title=%s::%s\n", githubCommand[f.Severity], ghProperty(f.Location.File),
			max(1, f.Location.Line), ghProperty(title), ghData(f.Resource+": "+f.Message))
	}
	for _, e := range r.Errors {
		fmt.Fprintf(&b, "::error file=%s,line=%d,title=soc2scan input error::%s\n", ghProperty(e.Source), max(1, e.Line), ghData(e.Message))
	}
	for _, e := range r.Warnings {
		fmt.Fprintf(&b, "::warning file=%s,line=%d,title=soc2scan input warning::%s\n", ghProperty(e.Source), max(1, e.Line), ghData(e.Message))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ghData escapes a workflow command's message, ghProperty one of its
// properties, as the Actions toolkit does.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
