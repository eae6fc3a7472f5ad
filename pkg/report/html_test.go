package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/soc2scan/soc2scan/internal/golden"
	"github.com/soc2scan/soc2scan/internal/htmlcheck"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// htmlSample is formatsSample with its criteria report: failed (CC6.1),
// passed with an exception (CC7.1), passed (A1.2), not checked (CC8.1)
// and manual criteria.
func htmlSample() (*Report, *CriteriaReport) {
	r := formatsSample()
	r.Checks = append(r.Checks, Check{RuleID: "B-1", Resource: "x.b", Source: "b.json", Status: Pass},
		Check{RuleID: "D-1", Resource: "x.f", Source: "f.tf", Status: Pass},
		Check{RuleID: "E-1", Resource: "x.g", Source: "g.tf", Status: Fail})
	r.Findings = append(r.Findings, Finding{RuleID: "E-1", Severity: Medium, Criteria: []string{"CC7.1"}, Resource: "x.g", Source: "g.tf",
		Location: Location{File: "g.tf", Line: 12}, Message: "x.g logs nothing", Waiver: &Waiver{Reason: "sandbox account", Origin: Location{File: "g.tf", Line: 11}, Inline: true}})
	r.Finalize(5, 8, 5)
	rules := append(sampleRules(), RuleInfo{ID: "C-1", Title: "C one", Criteria: []string{"CC8.1"}},
		RuleInfo{ID: "D-1", Title: "D one", Criteria: []string{"A1.2"}}, RuleInfo{ID: "E-1", Title: "E one", Criteria: []string{"CC7.1"}})
	return r, Criteria(r, rules, soc2.NewScope(soc2.Availability))
}

func TestHTMLGolden(t *testing.T) {
	t.Parallel()
	r, c := htmlSample()
	var b bytes.Buffer
	if err := HTML(&b, r, c); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "report.html.golden"), b.String())
	var again bytes.Buffer
	if err := HTML(&again, r, c); err != nil || again.String() != b.String() {
		t.Errorf("a second rendering differs (error %v)", err)
	}
}

// TestHTMLEscapes: values from the scanned files cannot add markup or
// scripts, in text or in attributes.
func TestHTMLEscapes(t *testing.T) {
	t.Parallel()
	const evil = `<script>alert(1)</script>`
	r := &Report{
		Findings: []Finding{{RuleID: "A-1", Severity: High, Criteria: []string{"CC6.1"}, Resource: evil, ResourceType: evil, Source: evil + ".tf",
			Location: Location{File: evil + ".tf", Line: 2}, Message: `" onmouseover="alert(1)` + evil, Remediation: evil, Title: evil,
			Waiver: &Waiver{Reason: evil, Owner: evil, Expires: "2027-01-01", Origin: Location{File: evil}}}},
		Checks: []Check{{RuleID: "A-1", Resource: evil, Source: evil + ".tf", Status: Fail}, {RuleID: "A-1", Resource: "x", Source: "y", Status: Unknown, Message: evil}},
		Errors: []Error{{Source: evil, Message: evil}},
	}
	r.Finalize(1, 1, 1)
	c := Criteria(r, []RuleInfo{{ID: "A-1", Title: evil, Criteria: []string{"CC6.1"}}}, soc2.NewScope())
	var b bytes.Buffer
	if err := HTML(&b, r, c); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d <script elements, want only the page's own", n)
	}
	if strings.Contains(page, `" onmouseover=`) || strings.Contains(page, "<script>alert") {
		t.Error("untrusted text is not escaped")
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the resource's name is not shown, escaped")
	}
}

// TestHTMLSelfContained: nothing on the page is fetched, and the policy
// forbids fetching anything.
func TestHTMLSelfContained(t *testing.T) {
	t.Parallel()
	r, c := htmlSample()
	var b bytes.Buffer
	if err := HTML(&b, r, c); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"http:", "https:", "//", "src=", "<link", "@import", "url("} {
		if strings.Contains(strings.ReplaceAll(page, "<!DOCTYPE html>", ""), bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.Contains(page, "default-src &#39;none&#39;") {
		t.Error("no Content-Security-Policy that forbids fetches")
	}
}

// TestHTMLCounts: every count the page marks with the JSON pointer of
// the report's (data-json) or the criteria report's (data-criteria-json)
// JSON shows the value in that JSON.
func TestHTMLCounts(t *testing.T) {
	t.Parallel()
	r, c := htmlSample()
	var page, rj, cj bytes.Buffer
	if err := HTML(&page, r, c); err != nil {
		t.Fatal(err)
	}
	if err := JSON(&rj, r); err != nil {
		t.Fatal(err)
	}
	if err := CriteriaJSON(&cj, c); err != nil {
		t.Fatal(err)
	}
	n := checkCounts(t, page.String(), "data-json", rj.Bytes())
	m := checkCounts(t, page.String(), "data-criteria-json", cj.Bytes())
	if n < 15 || m < 4+5*len(c.Criteria) {
		t.Errorf("%d report counts and %d criteria counts marked, want at least 15 and %d", n, m, 4+5*len(c.Criteria))
	}
}

// checkCounts compares the counts in page marked with attr to the values
// at their JSON pointers in doc, and returns how many there are.
func checkCounts(t *testing.T, page, attr string, doc []byte) int {
	t.Helper()
	n, problems, err := htmlcheck.Counts(page, attr, doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	return n
}
