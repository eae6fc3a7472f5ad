package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/soc2scan/soc2scan/internal/golden"
)

func sampleRules() []RuleInfo {
	return []RuleInfo{
		{ID: "A-1", Title: "A one", Description: "Checks\n  one thing.", Severity: High, Criteria: []string{"CC6.1"}, Remediation: "Fix one."},
		{ID: "A-2", Title: "A two", Description: "Checks two.", Severity: Critical, Criteria: []string{"CC6.6", "CC7.2"}, Remediation: "Fix two."},
		{ID: "B-1", Title: "B one", Description: "Checks b.", Severity: Low, Criteria: []string{"CC6.1"}, Remediation: "Fix b."},
	}
}

// formatsSample has a finding without a line, a path that needs escaping,
// a message with a newline and characters workflow commands escape.
func formatsSample() *Report {
	r := sample()
	r.Findings = append(r.Findings, Finding{RuleID: "B-1", Severity: Low, Criteria: []string{"CC6.1"}, Resource: "x.d",
		Source: "dir with space/d.json", Location: Location{File: "dir with space/d.json"}, Message: "50% done,\nnot: ok"})
	r.Findings = append(r.Findings, Finding{RuleID: "A-1", Severity: High, Criteria: []string{"CC6.1"}, Resource: "x.e",
		Source: "e.tf", Location: Location{File: "e.tf", Line: 4}, Message: "waived one",
		Waiver: &Waiver{Reason: "scratch data", Owner: "platform", Expires: "2027-01-31", Origin: Location{File: ".soc2scan.yaml", Line: 7}}})
	r.Checks = append(r.Checks, Check{RuleID: "A-1", Resource: "x.e", Source: "e.tf", Status: Fail})
	r.Warnings = []Error{{Source: "m/main.tf", Line: 3, Message: "module \"x\" not installed"}}
	r.Finalize(3, 6, 3)
	return r
}

func TestFormatsGolden(t *testing.T) {
	r, rules := formatsSample(), sampleRules()
	for _, tc := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"report.sarif", func(b *bytes.Buffer) error { return SARIF(b, r, rules, SARIFOptions{ToolVersion: "1.2.3"}) }},
		{"report.junit.xml", func(b *bytes.Buffer) error { return JUnit(b, r, rules) }},
		{"report.github.txt", func(b *bytes.Buffer) error { return GitHub(b, r) }},
		{"report.md", func(b *bytes.Buffer) error { return Markdown(b, r) }},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tc.file+".golden"), b.String())
		})
	}
}

// TestSARIFValid checks the log against the published SARIF 2.1.0 schema
// (the one go-sarif embeds) and what GitHub code scanning requires.
func TestSARIFValid(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, formatsSample(), sampleRules(), SARIFOptions{}); err != nil {
		t.Fatal(err)
	}
	log, err := sarif.FromBytes(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := log.Validate(); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v", err)
	}
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						Help             struct{ Text, Markdown string }
						Properties       struct {
							Tags             []string `json:"tags"`
							SecuritySeverity string   `json:"security-severity"`
						}
					}
				}
			}
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						}
						Region struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	if len(run.Tool.Driver.Rules) != 3 {
		t.Fatalf("%d rules, want 3", len(run.Tool.Driver.Rules))
	}
	for _, ru := range run.Tool.Driver.Rules {
		if ru.ShortDescription.Text == "" || ru.FullDescription.Text == "" || !strings.Contains(ru.Help.Text, "Remediation") ||
			ru.Properties.SecuritySeverity == "" || !strings.Contains(strings.Join(ru.Properties.Tags, ","), "CC") {
			t.Errorf("rule %s lacks metadata GitHub shows: %+v", ru.ID, ru)
		}
	}
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		if strings.HasPrefix(loc.ArtifactLocation.URI, "/") || strings.Contains(loc.ArtifactLocation.URI, "://") ||
			loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine < 1 {
			t.Errorf("result of %s: location %+v", res.RuleID, loc)
		}
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID || len(res.PartialFingerprints) == 0 {
			t.Errorf("result of %s: rule index %d, fingerprints %v", res.RuleID, res.RuleIndex, res.PartialFingerprints)
		}
	}
}

func TestFingerprintIgnoresLines(t *testing.T) {
	f := Finding{RuleID: "A-1", Resource: "x.a", Location: Location{File: "a.tf", Line: 3}, Message: "m"}
	g := f
	g.Location.Line = 30
	if Fingerprint(f) != Fingerprint(g) {
		t.Error("moving a finding changed its fingerprint")
	}
	g.Resource = "x.b"
	if Fingerprint(f) == Fingerprint(g) {
		t.Error("another resource has the same fingerprint")
	}
}

func TestJUnitParses(t *testing.T) {
	var b bytes.Buffer
	if err := JUnit(&b, formatsSample(), sampleRules()); err != nil {
		t.Fatal(err)
	}
	var got junitSuites
	if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	// Checks: A-2 fails x.a, A-1 fails x.a and is unknown on x.c; one
	// input error.
	// The waived x.e is skipped as an accepted exception.
	if got.Tests != 5 || got.Failures != 2 || got.Skipped != 2 || got.Errors != 1 {
		t.Errorf("tests %d failures %d skipped %d errors %d", got.Tests, got.Failures, got.Skipped, got.Errors)
	}
}
