package report

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/internal/golden"
	"github.com/soc2scan/soc2scan/pkg/soc2"
)

// criteriaSample: A-1 (CC6.1) fails x.a and cannot tell on x.c; A-2
// (CC6.6, CC7.2) fails x.a; B-1 (CC6.1, A1.2) passes x.b; C-1 (CC8.1) has
// nothing to check.
func criteriaSample(scope soc2.Scope) *CriteriaReport {
	r := sample()
	r.Checks = append(r.Checks, Check{RuleID: "B-1", Resource: "x.b", Source: "b.json", Status: Pass})
	rules := []RuleInfo{
		{ID: "A-1", Title: "A one", Criteria: []string{"CC6.1"}},
		{ID: "A-2", Title: "A two", Criteria: []string{"CC6.6", "CC7.2"}},
		{ID: "B-1", Title: "B one", Criteria: []string{"CC6.1", "A1.2"}},
		{ID: "C-1", Title: "C one", Criteria: []string{"CC8.1"}},
	}
	return Criteria(r, rules, scope)
}

func TestCriteria(t *testing.T) {
	c := criteriaSample(soc2.NewScope(soc2.Availability))
	if len(c.Criteria) != 36 {
		t.Fatalf("%d criteria, want the 33 of security and 3 of availability", len(c.Criteria))
	}
	got := map[string]CriterionResult{}
	for _, cr := range c.Criteria {
		got[cr.ID] = cr
	}
	tests := []struct {
		id        string
		status    CriterionStatus
		resources Counts
		rules     int
	}{
		// x.a fails A-1, x.c is unknown to A-1, x.b passes B-1.
		{"CC6.1", CriterionFailed, Counts{Checked: 3, Passed: 1, Failed: 1, Unknown: 1}, 2},
		{"CC6.6", CriterionFailed, Counts{Checked: 1, Failed: 1}, 1},
		{"A1.2", CriterionPassed, Counts{Checked: 1, Passed: 1}, 1},
		{"CC8.1", CriterionNotChecked, Counts{}, 1},
		{"CC1.1", CriterionManual, Counts{}, 0},
	}
	for _, tc := range tests {
		cr := got[tc.id]
		if cr.Status != tc.status || cr.Resources != tc.resources || len(cr.Rules) != tc.rules || cr.Note == "" {
			t.Errorf("%s: %s %+v with %d rules (note %q); want %s %+v with %d", tc.id, cr.Status, cr.Resources, len(cr.Rules), cr.Note,
				tc.status, tc.resources, tc.rules)
		}
	}
	if _, ok := got["C1.1"]; ok {
		t.Error("C1.1 (confidentiality) is out of scope but reported")
	}
	want := map[CriterionStatus]int{CriterionFailed: 3, CriterionPassed: 1, CriterionNotChecked: 1, CriterionManual: 31}
	if diff := cmp.Diff(want, c.Summary); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
}

func TestCriteriaFormatsGolden(t *testing.T) {
	c := criteriaSample(soc2.NewScope(soc2.Availability))
	for _, tc := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"criteria.txt", func(b *bytes.Buffer) error { return CriteriaText(b, c) }},
		{"criteria.md", func(b *bytes.Buffer) error { return CriteriaMarkdown(b, c) }},
		{"criteria.json", func(b *bytes.Buffer) error { return CriteriaJSON(b, c) }},
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
