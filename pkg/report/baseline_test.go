package report

import (
	"bytes"
	"testing"
)

func TestBaselineRoundTrip(t *testing.T) {
	r := sample()
	var b bytes.Buffer
	if err := WriteBaseline(&b, r); err != nil {
		t.Fatal(err)
	}
	known, err := ReadBaseline(&b)
	if err != nil {
		t.Fatal(err)
	}
	next := sample()
	next.Findings = append(next.Findings, Finding{RuleID: "C-9", Severity: High, Resource: "x.new", Source: "a.json",
		Location: Location{File: "a.json", Line: 40}, Message: "new"})
	next.Findings[0].Location.Line += 5 // lines move; fingerprints do not
	next.Finalize(2, 6, 3)
	next.ApplyBaseline(known)
	if next.Summary.Baselined != 3 || next.AtOrAbove(Low) != 1 {
		t.Errorf("baselined %d, active %d; want the 3 old findings baselined and the new one active", next.Summary.Baselined, next.AtOrAbove(Low))
	}
	if _, err := ReadBaseline(bytes.NewBufferString(`{"version": "1", "findings": [], "extra": 1}`)); err == nil {
		t.Error("a file with unknown fields read as a baseline")
	}
}
