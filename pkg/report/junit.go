package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// junitSuites is the JUnit XML that GitLab, Jenkins and most CI systems
// read: a test suite per rule, a test case per resource it checked.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// JUnit writes the report as JUnit XML: one test case per rule and
// resource checked (classname the rule, name the resource), a failure per
// failed check with its findings, a skipped case for an unknown verdict,
// and an error case per input that could not be read.
func JUnit(w io.Writer, r *Report, rules []RuleInfo) error {
	titles := map[string]string{}
	for _, ru := range rules {
		titles[ru.ID] = ru.Title
	}
	findings := map[string][]Finding{}
	for _, f := range r.Findings {
		k := f.RuleID + "\x00" + f.Source + "\x00" + f.Resource
		findings[k] = append(findings[k], f)
	}
	suites := map[string]*junitSuite{}
	var order []string
	suite := func(name string) *junitSuite {
		if s, ok := suites[name]; ok {
			return s
		}
		suites[name] = &junitSuite{Name: name}
		order = append(order, name)
		return suites[name]
	}
	for _, c := range r.Checks {
		name := c.RuleID
		if t := titles[c.RuleID]; t != "" {
			name += ": " + t
		}
		s := suite(name)
		tc := junitCase{Name: c.Resource, Classname: c.RuleID, File: c.Source}
		switch {
		case c.Accepted:
			tc.Skipped = &junitProblem{Message: "accepted exception (waiver or baseline)"}
			s.Skipped++
		case c.Status == Fail:
			fs := findings[c.RuleID+"\x00"+c.Source+"\x00"+c.Resource]
			var msgs, text []string
			sev := ""
			for _, f := range fs {
				msgs = append(msgs, f.Message)
				text = append(text, fmt.Sprintf("%s:%d %s [%s] %s\nRemediation: %s", f.Location.File, f.Location.Line, f.Severity,
					strings.Join(f.Criteria, ","), f.Message, oneLine(f.Remediation)))
				sev = string(f.Severity)
				if tc.Line == 0 {
					tc.File, tc.Line = f.Location.File, f.Location.Line
				}
			}
			tc.Failure = &junitProblem{Message: strings.Join(msgs, "; "), Type: sev, Text: strings.Join(text, "\n\n")}
			s.Failures++
		case c.Status == Unknown:
			tc.Skipped = &junitProblem{Message: c.Message}
			s.Skipped++
		}
		s.Tests++
		s.Cases = append(s.Cases, tc)
	}
	if len(r.Errors) > 0 {
		s := suite("soc2scan: inputs")
		for _, e := range r.Errors {
			s.Tests++
			s.Errors++
			s.Cases = append(s.Cases, junitCase{Name: e.Source, Classname: "input", File: e.Source, Line: e.Line,
				Error: &junitProblem{Message: e.Message}})
		}
	}
	out := junitSuites{Name: "soc2scan"}
	for _, name := range order {
		s := suites[name]
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Skipped += s.Skipped
		out.Suites = append(out.Suites, *s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
