// Package waiver applies accepted exceptions to findings: waivers from the
// project's .soc2scan.yaml (rule, resource and source globs, reason, owner,
// expiry), inline comments in Terraform source and annotations on
// Kubernetes objects. A waived finding stays in the report with its waiver,
// because an auditor must see every exception; an expired waiver stops
// applying and is reported, and so is one that matched nothing.
package waiver

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/report"
)

// DateLayout is how expiry dates are written.
const DateLayout = "2006-01-02"

// Waiver is one accepted exception.
type Waiver struct {
	Rule     string // rule id or glob (AWS-S3-*)
	Resource string // resource address or glob; empty: any
	// Resources, when set, lists the exact addresses the waiver covers (an
	// inline comment covers every instance of its block).
	Resources []string
	Source    string // path glob of the file the resource is in; empty: any
	Reason    string
	Owner     string
	Expires   time.Time // zero: no expiry (inline waivers only)
	Origin    document.Location
	Inline    bool

	matched, expiredMatch int
}

// Expired reports whether the waiver no longer applies on day today: it
// applies through its expiry date.
func (w *Waiver) Expired(today time.Time) bool {
	return !w.Expires.IsZero() && today.After(w.Expires.Add(24*time.Hour-time.Nanosecond))
}

// Matches reports whether the waiver covers a finding, expiry aside.
func (w *Waiver) Matches(f *report.Finding) bool {
	return match(w.Rule, f.RuleID) &&
		(w.Resource == "" || match(w.Resource, f.Resource)) &&
		(len(w.Resources) == 0 || slices.Contains(w.Resources, f.Resource)) &&
		(w.Source == "" || match(w.Source, f.Location.File) || match(w.Source, f.Source))
}

// match is exact equality or a glob: addresses hold brackets
// (aws_s3_bucket.b["k"]) that a glob would read as a character class.
func match(pattern, s string) bool {
	if pattern == s {
		return true
	}
	ok, _ := doublestar.Match(pattern, s)
	return ok
}

// Apply marks the findings the waivers cover (the first unexpired waiver
// that matches) and returns warnings: expired waivers that still match a
// finding, and waivers that matched nothing (stale).
func Apply(r *report.Report, ws []*Waiver, today time.Time) []report.Error {
	for i := range r.Findings {
		f := &r.Findings[i]
		for _, w := range ws {
			if !w.Matches(f) {
				continue
			}
			if w.Expired(today) {
				w.expiredMatch++
				continue
			}
			w.matched++
			f.Waiver = &report.Waiver{Reason: w.Reason, Owner: w.Owner, Origin: report.Location{File: w.Origin.File, Line: w.Origin.Line}, Inline: w.Inline}
			if !w.Expires.IsZero() {
				f.Waiver.Expires = w.Expires.Format(DateLayout)
			}
			break
		}
	}
	var warnings []report.Error
	for _, w := range ws {
		at := report.Error{Source: w.Origin.File, Line: w.Origin.Line}
		switch {
		case w.expiredMatch > 0 && w.matched == 0:
			at.Message = fmt.Sprintf("waiver for %s expired on %s and no longer applies: %d %s reported again",
				w.describe(), w.Expires.Format(DateLayout), w.expiredMatch, plural(w.expiredMatch, "finding is", "findings are"))
		case w.matched == 0:
			at.Message = fmt.Sprintf("waiver for %s matched no finding: remove it if the exception is over", w.describe())
		default:
			continue
		}
		warnings = append(warnings, at)
	}
	return warnings
}

func (w *Waiver) describe() string {
	s := w.Rule
	switch {
	case w.Resource != "":
		s += " on " + w.Resource
	case len(w.Resources) > 0:
		s += " on " + w.Resources[0]
		if len(w.Resources) > 1 {
			s += fmt.Sprintf(" (and %d more instances)", len(w.Resources)-1)
		}
	}
	if w.Source != "" {
		s += " in " + w.Source
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// inlineRE reads the two inline forms:
//
//	# soc2scan:ignore AWS-S3-004,AWS-S3-001 scratch bucket, no versioning needed
//	#soc2scan:ignore:AWS-S3-004:exp:2027-01-31 optional reason
var inlineRE = regexp.MustCompile(`(?:#|//)\s*soc2scan:ignore(?::([A-Za-z0-9_*?.-]+)(?::exp:(\d{4}-\d{2}-\d{2}))?(?:\s+(.*))?|\s+([A-Za-z0-9_*?.,-]+)(?:\s+(.*))?)\s*$`)

// Inline reads the inline waivers of the Terraform source files behind the
// HCL documents and the soc2scan.io/ignore annotations of Kubernetes
// objects. A comment waives the resource whose block it is in, or the one
// starting on the next line. Malformed waivers are returned as warnings.
func Inline(docs []*document.Document) ([]*Waiver, []report.Error) {
	var ws []*Waiver
	var warnings []report.Error
	for _, d := range docs {
		switch {
		case d.Kind == document.Kubernetes:
			for i := range d.Resources {
				w, warn := annotation(&d.Resources[i])
				ws = append(ws, w...)
				warnings = append(warnings, warn...)
			}
		case d.Kind == document.Terraform && d.Format == "hcl":
			byFile := map[string][]*document.Resource{}
			for i := range d.Resources {
				r := &d.Resources[i]
				byFile[r.Location.File] = append(byFile[r.Location.File], r)
			}
			files := make([]string, 0, len(byFile))
			for f := range byFile {
				files = append(files, f)
			}
			sort.Strings(files)
			for _, f := range files {
				w, warn := comments(f, byFile[f])
				ws = append(ws, w...)
				warnings = append(warnings, warn...)
			}
		}
	}
	return ws, warnings
}

// comments reads the waiver comments of one Terraform file and ties each
// to the resource it is in or precedes.
func comments(file string, resources []*document.Resource) ([]*Waiver, []report.Error) {
	if strings.HasSuffix(file, ".json") {
		return nil, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil // the loader reported it
	}
	var ws []*Waiver
	var warnings []report.Error
	for n, line := range strings.Split(string(data), "\n") {
		if !strings.Contains(line, "soc2scan:ignore") {
			continue
		}
		at := document.Location{File: file, Line: n + 1}
		m := inlineRE.FindStringSubmatch(strings.TrimRight(line, "\r"))
		if m == nil {
			warnings = append(warnings, report.Error{Source: file, Line: n + 1,
				Message: "unreadable soc2scan:ignore comment: write '# soc2scan:ignore RULE-ID reason' or '#soc2scan:ignore:RULE-ID:exp:YYYY-MM-DD'"})
			continue
		}
		targets := owners(resources, n+1)
		if len(targets) == 0 {
			warnings = append(warnings, report.Error{Source: file, Line: n + 1, Message: "soc2scan:ignore comment is not in or above a resource block"})
			continue
		}
		rules, reason, expires := m[4], m[5], ""
		if m[1] != "" {
			rules, expires, reason = m[1], m[2], m[3]
		}
		w := &Waiver{Source: file, Reason: strings.TrimSpace(reason), Origin: at, Inline: true}
		if expires != "" {
			t, err := time.Parse(DateLayout, expires)
			if err != nil {
				warnings = append(warnings, report.Error{Source: file, Line: n + 1, Message: fmt.Sprintf("soc2scan:ignore expiry %q is not a date (YYYY-MM-DD)", expires)})
				continue
			}
			w.Expires = t
		}
		if w.Reason == "" {
			w.Reason = "(no reason given)"
			warnings = append(warnings, report.Error{Source: file, Line: n + 1, Message: "soc2scan:ignore comment gives no reason: auditors ask for one"})
		}
		for _, rule := range strings.Split(rules, ",") {
			if rule = strings.TrimSpace(rule); rule == "" {
				continue
			}
			c := *w
			c.Rule = rule
			for _, target := range targets {
				c.Resources = append(c.Resources, target.ID)
			}
			ws = append(ws, &c)
		}
	}
	return ws, warnings
}

// owners returns the resources of the block that holds line, or starts on
// the line after it: the block starting last at or before line+1, with
// every instance count or for_each made of it.
func owners(resources []*document.Resource, line int) []*document.Resource {
	best := 0
	for _, r := range resources {
		if r.Location.Line <= line+1 && r.Location.Line > best {
			best = r.Location.Line
		}
	}
	var out []*document.Resource
	for _, r := range resources {
		if best > 0 && r.Location.Line == best {
			out = append(out, r)
		}
	}
	return out
}

// AnnotationKey is the Kubernetes annotation that waives rules for an
// object: "RULE-ID[,RULE-ID]: reason", several separated by ";", each
// optionally with an expiry: "K8S-POD-001 exp:2027-01-31: reason".
const AnnotationKey = "soc2scan.io/ignore"

var annotationRE = regexp.MustCompile(`^\s*([A-Za-z0-9_*?.,-]+)(?:\s+exp:(\d{4}-\d{2}-\d{2}))?\s*:\s*(.*?)\s*$`)

func annotation(r *document.Resource) ([]*Waiver, []report.Error) {
	meta, _ := r.Values["metadata"].(map[string]any)
	annotations, _ := meta["annotations"].(map[string]any)
	value, ok := annotations[AnnotationKey].(string)
	if !ok {
		return nil, nil
	}
	at := r.Location
	if r.Positions != nil {
		at.Line, at.Column = r.Positions.Position([]string{"metadata", "annotations", AnnotationKey})
	}
	var ws []*Waiver
	var warnings []report.Error
	for _, part := range strings.Split(value, ";") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		m := annotationRE.FindStringSubmatch(part)
		if m == nil || m[3] == "" {
			warnings = append(warnings, report.Error{Source: at.File, Line: at.Line,
				Message: fmt.Sprintf("%s annotation %q: write \"RULE-ID: reason\" (optionally \"RULE-ID exp:YYYY-MM-DD: reason\")", AnnotationKey, strings.TrimSpace(part))})
			continue
		}
		w := Waiver{Resource: r.ID, Source: r.Location.File, Reason: m[3], Origin: at, Inline: true}
		if m[2] != "" {
			t, err := time.Parse(DateLayout, m[2])
			if err != nil {
				warnings = append(warnings, report.Error{Source: at.File, Line: at.Line, Message: fmt.Sprintf("%s expiry %q is not a date", AnnotationKey, m[2])})
				continue
			}
			w.Expires = t
		}
		for _, rule := range strings.Split(m[1], ",") {
			if rule = strings.TrimSpace(rule); rule != "" {
				c := w
				c.Rule = rule
				ws = append(ws, &c)
			}
		}
	}
	return ws, warnings
}
