package soc2

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCatalogueMatchesReference compares the compiled-in catalogue with the
// project's reference file, which lives beside the repository when present.
func TestCatalogueMatchesReference(t *testing.T) {
	data, err := os.ReadFile("../../../shared/reference/tsc-criteria.json")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("../shared/reference is absent")
	}
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Criteria []struct {
			ID, Category, Series, Title string
			IaCEvidence                 string `json:"iac_evidence"`
		}
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	var want []Criterion
	for _, c := range ref.Criteria {
		want = append(want, Criterion{
			ID:          c.ID,
			Category:    Category(strings.ReplaceAll(c.Category, "_", "-")),
			Series:      c.Series,
			Title:       c.Title,
			IaCEvidence: Evidence(c.IaCEvidence),
		})
	}
	if diff := cmp.Diff(want, Criteria()); diff != "" {
		t.Errorf("catalogue differs from tsc-criteria.json (-want +got):\n%s", diff)
	}
}

func TestCatalogueShape(t *testing.T) {
	perCategory := map[Category]int{}
	seen := map[string]bool{}
	for _, c := range Criteria() {
		if seen[c.ID] {
			t.Errorf("duplicate criterion %s", c.ID)
		}
		seen[c.ID] = true
		perCategory[c.Category]++
	}
	want := map[Category]int{Security: 33, Availability: 3, Confidentiality: 2, ProcessingIntegrity: 5, Privacy: 18}
	if diff := cmp.Diff(want, perCategory); diff != "" {
		t.Errorf("criteria per category (-want +got):\n%s", diff)
	}
}

func TestLookup(t *testing.T) {
	c, ok := Lookup("CC6.1")
	if !ok || c.Category != Security || c.Series != "CC6 Logical and Physical Access Controls" {
		t.Errorf("Lookup(CC6.1) = %+v, %v", c, ok)
	}
	for _, id := range []string{"CC6.9", "cc6.1", "", "A1.4"} {
		if _, ok := Lookup(id); ok {
			t.Errorf("Lookup(%q) found a criterion", id)
		}
	}
}

func TestScope(t *testing.T) {
	tests := []struct {
		name  string
		scope Scope
		in    []string
		out   []string
	}{
		{"security only", NewScope(), []string{"CC6.1", "CC9.2"}, []string{"A1.2", "C1.1", "PI1.4", "P4.2", "XX1.1"}},
		{"availability added", NewScope(Availability), []string{"CC7.2", "A1.2"}, []string{"C1.1", "P8.1"}},
		{"full", FullScope(), []string{"CC1.1", "A1.3", "C1.2", "PI1.5", "P8.1"}, []string{"P9.1"}},
		{"zero value is full", Scope{}, []string{"P1.1", "CC6.1"}, []string{"nope"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, id := range tc.in {
				if !tc.scope.Includes(id) {
					t.Errorf("%s not in scope", id)
				}
			}
			for _, id := range tc.out {
				if tc.scope.Includes(id) {
					t.Errorf("%s in scope", id)
				}
			}
		})
	}
}

func TestParseCategory(t *testing.T) {
	tests := map[string]Category{
		"security": Security, "Availability": Availability, "confidentiality": Confidentiality,
		"processing-integrity": ProcessingIntegrity, "processing_integrity": ProcessingIntegrity,
		"PI": ProcessingIntegrity, " privacy ": Privacy,
	}
	for in, want := range tests {
		got, err := ParseCategory(in)
		if err != nil || got != want {
			t.Errorf("ParseCategory(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseCategory("integrity"); err == nil {
		t.Error("ParseCategory(integrity) did not fail")
	}
}
