package report

import (
	"fmt"
	"io"
	"strings"
)

// TextOptions control the text format.
type TextOptions struct {
	// Color adds ANSI colours to severities; for terminals only.
	Color bool
}

var severityColor = map[Severity]string{
	Critical: "\x1b[1;35m",
	High:     "\x1b[1;31m",
	Medium:   "\x1b[33m",
	Low:      "\x1b[36m",
}

// Text writes one line per finding,
//
//	file:line RULE-ID severity [CC6.1,C1.1] address: message
//
// then one line per error and a summary.
func Text(w io.Writer, r *Report, opts TextOptions) error {
	var b strings.Builder
	for _, f := range r.Findings {
		sev := string(f.Severity)
		if opts.Color {
			sev = severityColor[f.Severity] + sev + "\x1b[0m"
		}
		fmt.Fprintf(&b, "%s %s %s [%s] %s: %s", position(f.Location.File, f.Location.Line), f.RuleID, sev,
			strings.Join(f.Criteria, ","), f.Resource, f.Message)
		switch {
		case f.Waiver != nil:
			fmt.Fprintf(&b, " [waived: %s", f.Waiver.Reason)
			if f.Waiver.Expires != "" {
				fmt.Fprintf(&b, "; until %s", f.Waiver.Expires)
			}
			fmt.Fprintf(&b, "; %s]", position(f.Waiver.Origin.File, f.Waiver.Origin.Line))
		case f.Baseline:
			b.WriteString(" [baseline]")
		}
		if len(f.Via) > 0 {
			via := make([]string, len(f.Via))
			for i, v := range f.Via {
				via[i] = position(v.File, v.Line)
			}
			fmt.Fprintf(&b, " (via %s)", strings.Join(via, " > "))
		}
		b.WriteByte('\n')
	}
	for _, e := range r.Errors {
		fmt.Fprintf(&b, "%s error: %s\n", position(e.Source, e.Line), e.Message)
	}
	for _, e := range r.Warnings {
		fmt.Fprintf(&b, "%s warning: %s\n", position(e.Source, e.Line), e.Message)
	}
	if len(r.Findings) > 0 || len(r.Errors) > 0 || len(r.Warnings) > 0 {
		b.WriteByte('\n')
	}
	s := r.Summary
	fmt.Fprintf(&b, "%d %s, %d %s in %d %s, %d %s: %s",
		s.Rules, plural(s.Rules, "rule", "rules"),
		s.Resources, plural(s.Resources, "resource", "resources"),
		s.Sources, plural(s.Sources, "file", "files"),
		s.Checks.Pass+s.Checks.Fail+s.Checks.Unknown, plural(s.Checks.Pass+s.Checks.Fail+s.Checks.Unknown, "check", "checks"),
		fmt.Sprintf("%d passed, %d failed, %d unknown", s.Checks.Pass, s.Checks.Fail, s.Checks.Unknown))
	fmt.Fprintf(&b, "; %d %s", s.Findings, plural(s.Findings, "finding", "findings"))
	if s.Findings > 0 {
		var parts []string
		for _, sev := range Severities() {
			if n := s.BySeverity[sev]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, sev))
			}
		}
		fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
	}
	if s.Errors > 0 {
		fmt.Fprintf(&b, "; %d %s", s.Errors, plural(s.Errors, "error", "errors"))
	}
	if s.Waived > 0 {
		fmt.Fprintf(&b, "; %d waived", s.Waived)
	}
	if s.Baselined > 0 {
		fmt.Fprintf(&b, "; %d in the baseline", s.Baselined)
	}
	if s.Warnings > 0 {
		fmt.Fprintf(&b, "; %d %s", s.Warnings, plural(s.Warnings, "warning", "warnings"))
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

func position(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
