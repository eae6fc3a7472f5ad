package oscal

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/defenseunicorns/go-oscal/src/pkg/validation"
	oscaltypes "github.com/defenseunicorns/go-oscal/src/types/oscal-1-1-3"
	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/internal/golden"
	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

var (
	start = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	end   = start.Add(3 * time.Second)
)

func testRules() []report.RuleInfo {
	return []report.RuleInfo{
		{ID: "AWS-S3-001", Title: "S3 bucket is encrypted", Severity: report.High, Criteria: []string{"CC6.1", "CC6.7"}},
		{ID: "AWS-S3-002", Title: "S3 bucket blocks public access", Severity: report.Critical, Criteria: []string{"CC6.1"}},
		{ID: "AWS-RDS-001", Title: "RDS instance has backups", Severity: report.Medium, Criteria: []string{"A1.2"}},
		{ID: "K8S-001", Title: "Pods do not run as root", Severity: report.Medium, Criteria: []string{"CC6.8"}},
	}
}

func testReport() *report.Report {
	rep := &report.Report{
		Findings: []report.Finding{{
			RuleID: "AWS-S3-001", Title: "S3 bucket is encrypted", Severity: report.High, Criteria: []string{"CC6.1", "CC6.7"},
			Resource: "aws_s3_bucket.logs", ResourceType: "aws_s3_bucket", Source: "main.tf", Location: report.Location{File: "main.tf", Line: 3},
			Message: "aws_s3_bucket.logs has no server-side encryption configuration",
		}},
		Checks: []report.Check{
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.logs", Source: "main.tf", Status: report.Fail},
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.data", Source: "main.tf", Status: report.Pass},
			{RuleID: "AWS-S3-002", Resource: "aws_s3_bucket.data", Source: "main.tf", Status: report.Pass},
			{RuleID: "AWS-S3-002", Resource: "aws_s3_bucket.logs", Source: "main.tf", Status: report.Pass},
			{RuleID: "AWS-RDS-001", Resource: "aws_db_instance.main", Source: "plan.json", Status: report.Unknown, Message: "backup_retention_period is known only after apply"},
		},
	}
	rep.Finalize(2, 3, 4)
	return rep
}

func testRun() Run {
	return Run{ID: "00000000-0000-4000-8000-000000000001", Start: start, End: end, ToolVersion: "v0.9.0",
		RuleSetDigest: "5f2b0c3c8e0d9a1e4b6f7a8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0", Scope: soc2.FullScope(),
		Rules: testRules(), Report: testReport()}
}

// validate checks a document against the OSCAL JSON schema of its version,
// as go-oscal ships it.
func validate(t *testing.T, doc []byte) {
	t.Helper()
	v, err := validation.NewValidator(doc)
	if err != nil {
		t.Fatalf("validator: %v", err)
	}
	if v.GetSchemaVersion() != Version {
		t.Errorf("schema version %s, want %s", v.GetSchemaVersion(), Version)
	}
	if err := v.Validate(); err != nil {
		res, _ := v.GetValidationResult()
		msg, _ := json.MarshalIndent(res.Errors, "", "  ")
		t.Fatalf("not valid OSCAL %s: %v\n%s", Version, err, msg)
	}
}

func encode(t *testing.T, doc *oscaltypes.OscalCompleteSchema) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestAssessmentResults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		run    func() Run
		golden string
	}{
		{"findings", testRun, "assessment-results.json.golden"},
		{"empty scan", func() Run {
			r := testRun()
			r.Report = &report.Report{}
			r.Report.Finalize(0, 0, 4)
			return r
		}, "assessment-results-empty.json.golden"},
		{"no rules", func() Run {
			r := testRun()
			r.Rules = nil
			r.Report = &report.Report{}
			r.Report.Finalize(0, 0, 0)
			return r
		}, ""},
		{"security only, no run id", func() Run {
			r := testRun()
			r.ID = ""
			r.Scope = soc2.NewScope(soc2.Security)
			return r
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := AssessmentResults(tc.run())
			if err != nil {
				t.Fatal(err)
			}
			got := encode(t, doc)
			validate(t, got)
			again, err := AssessmentResults(tc.run())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(got), string(encode(t, again))); diff != "" {
				t.Errorf("not deterministic (-first +second):\n%s", diff)
			}
			if tc.golden != "" {
				golden.Check(t, filepath.Join("testdata", tc.golden), string(got))
			}
		})
	}
}

func TestAssessmentResultsContent(t *testing.T) {
	t.Parallel()
	doc, err := AssessmentResults(testRun())
	if err != nil {
		t.Fatal(err)
	}
	res := doc.AssessmentResults.Results[0]
	if n := len(*res.Observations); n != 5 {
		t.Errorf("%d observations, want one per check (5)", n)
	}
	got := map[string]string{}
	for _, f := range *res.Findings {
		got[f.Target.TargetId] = f.Target.Status.State + "/" + f.Target.Status.Reason
	}
	want := map[string]string{
		"CC6.1": "not-satisfied/fail", // one bucket fails AWS-S3-001
		"CC6.7": "not-satisfied/fail",
		"CC6.8": "not-satisfied/other", // rule exists, nothing checked
		"A1.2":  "not-satisfied/other", // unknown after apply
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("finding states (-want +got):\n%s", diff)
	}
	// The same check has the same observation UUID in another run.
	other := testRun()
	other.ID = "00000000-0000-4000-8000-000000000002"
	doc2, err := AssessmentResults(other)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := (*res.Observations)[0].UUID, (*doc2.AssessmentResults.Results[0].Observations)[0].UUID; a != b {
		t.Errorf("observation UUID changed between runs: %s, %s", a, b)
	}
	if doc.AssessmentResults.UUID == doc2.AssessmentResults.UUID {
		t.Error("two runs have the same document UUID")
	}
}

func TestAssessmentResultsNoReport(t *testing.T) {
	t.Parallel()
	if _, err := AssessmentResults(Run{}); err == nil {
		t.Error("no error for a run without a report")
	}
}

func TestComponentDefinition(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		rules  []report.RuleInfo
		golden string
	}{
		{"rules", testRules(), "component-definition.json.golden"},
		{"no rules", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := encode(t, ComponentDefinition(tc.rules, "v0.9.0", start))
			validate(t, got)
			if tc.golden != "" {
				golden.Check(t, filepath.Join("testdata", tc.golden), string(got))
			}
		})
	}
}

// TestValidatorRejects makes sure the schema check above can fail: a
// document with a malformed UUID and no results is rejected.
func TestValidatorRejects(t *testing.T) {
	t.Parallel()
	doc, err := AssessmentResults(testRun())
	if err != nil {
		t.Fatal(err)
	}
	doc.AssessmentResults.UUID = "not-a-uuid"
	doc.AssessmentResults.Results = nil
	v, err := validation.NewValidator(encode(t, doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Validate(); err == nil {
		t.Error("an invalid document passed validation")
	}
}
