package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/defenseunicorns/go-oscal/src/pkg/validation"
	oscaltypes "github.com/defenseunicorns/go-oscal/src/types/oscal-1-1-3"

	"github.com/soc2scan/soc2scan/pkg/evidence"
	"github.com/soc2scan/soc2scan/pkg/report"
)

func validateOSCAL(t *testing.T, doc []byte) {
	t.Helper()
	v, err := validation.NewValidator(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Validate(); err != nil {
		res, _ := v.GetValidationResult()
		t.Fatalf("not valid OSCAL: %v %+v", err, res.Errors)
	}
}

// runRecord reads the run.json of the only bundle in an evidence directory.
func runRecord(t *testing.T, dir string) evidence.RunRecord {
	t.Helper()
	runs, err := os.ReadDir(filepath.Join(dir, evidence.RunsDir))
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs: %v %v", runs, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, evidence.RunsDir, runs[0].Name(), evidence.RunFile))
	if err != nil {
		t.Fatal(err)
	}
	var rec evidence.RunRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestScanOSCALAndGRC(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	oscalFile, grcFile, jsonFile := filepath.Join(dir, "ar.json"), filepath.Join(dir, "grc.json"), filepath.Join(dir, "report.json")
	code, _, stderr := runCLI(t, "scan", "--fail-on", "none", "--evidence", filepath.Join(dir, "ev"),
		"--format", "oscal="+oscalFile, "--format", "grc-json="+grcFile, "--format", "json="+jsonFile, example)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rec := runRecord(t, filepath.Join(dir, "ev"))
	var rep report.Report
	b, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}

	b, err = os.ReadFile(oscalFile)
	if err != nil {
		t.Fatal(err)
	}
	validateOSCAL(t, b)
	var doc oscaltypes.OscalCompleteSchema
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	res := doc.AssessmentResults.Results[0]
	if res.Observations == nil || len(*res.Observations) != len(rep.Checks) {
		t.Errorf("observations for %d checks: %v", len(rep.Checks), res.Observations)
	}
	digest, runID := "", ""
	for _, p := range *res.Props {
		switch p.Name {
		case "rule-set-sha256":
			digest = p.Value
		case "evidence-run-id":
			runID = p.Value
		}
	}
	if digest != rec.RuleSet.SHA256 {
		t.Errorf("OSCAL rule-set digest %q, run.json has %q", digest, rec.RuleSet.SHA256)
	}
	if runID != rec.RunID {
		t.Errorf("OSCAL evidence-run-id %q, run.json has %q", runID, rec.RunID)
	}

	b, err = os.ReadFile(grcFile)
	if err != nil {
		t.Fatal(err)
	}
	var records []report.GRCRecord
	if err := json.Unmarshal(b, &records); err != nil {
		t.Fatal(err)
	}
	if len(records) != len(rep.Checks) || len(records) == 0 {
		t.Errorf("%d GRC records for %d checks", len(records), len(rep.Checks))
	}
	for _, r := range records {
		if r.RuleSetSHA256 != rec.RuleSet.SHA256 || len(r.ID) != 64 || r.CheckedAt == "" || r.RunID != rec.RunID {
			t.Errorf("record %+v", r)
			break
		}
	}
}

func TestOSCALComponentDefinition(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := runCLI(t, "oscal", "component-definition")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	validateOSCAL(t, []byte(stdout))
	var doc oscaltypes.OscalCompleteSchema
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	comps := *doc.ComponentDefinition.Components
	if len(comps) != 1 || comps[0].ControlImplementations == nil || len((*comps[0].ControlImplementations)[0].ImplementedRequirements) == 0 {
		t.Errorf("component-definition has no implemented requirements: %+v", comps)
	}
	if code, _, _ := runCLI(t, "oscal", "component-definition", "extra"); code != exitError {
		t.Errorf("extra argument: exit %d, want %d", code, exitError)
	}
}
