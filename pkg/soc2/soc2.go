// Package soc2 holds the AICPA Trust Services Criteria (2017, points of focus
// revised 2022) that soc2scan rules cite, and the categories that select which
// of them are in scope for an organisation's SOC 2 report.
//
// Titles are the project's paraphrases, not AICPA text.
package soc2

import (
	"fmt"
	"slices"
	"strings"
)

// Category is one of the five trust services categories.
type Category string

// The five trust services categories. Security (the common criteria) is
// always in scope.
const (
	Security            Category = "security"
	Availability        Category = "availability"
	Confidentiality     Category = "confidentiality"
	ProcessingIntegrity Category = "processing-integrity"
	Privacy             Category = "privacy"
)

// Categories lists the five categories in the order the criteria are numbered.
func Categories() []Category {
	return []Category{Security, Availability, Confidentiality, ProcessingIntegrity, Privacy}
}

// ParseCategory accepts a category name as users write it: "processing-integrity",
// "processing_integrity" and "pi" are the same category; case is ignored.
func ParseCategory(s string) (Category, error) {
	switch strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))) {
	case "security", "cc":
		return Security, nil
	case "availability", "a":
		return Availability, nil
	case "confidentiality", "c":
		return Confidentiality, nil
	case "processing-integrity", "pi":
		return ProcessingIntegrity, nil
	case "privacy", "p":
		return Privacy, nil
	}
	return "", fmt.Errorf("unknown trust services category %q (want one of security, availability, confidentiality, processing-integrity, privacy)", s)
}

// Evidence says how far configuration files can give evidence for a criterion.
type Evidence string

// Evidence levels, from tsc-criteria.json's iac_evidence.
const (
	// EvidenceStrong: configuration is direct evidence for much of the criterion.
	EvidenceStrong Evidence = "strong"
	// EvidencePartial: configuration is evidence for some points of focus.
	EvidencePartial Evidence = "partial"
	// EvidenceSupporting: the criterion is organisational; technical
	// findings only corroborate.
	EvidenceSupporting Evidence = "supporting"
	// EvidenceNone: a process or organisational criterion; it needs manual evidence.
	EvidenceNone Evidence = "none"
)

// Criterion is one Trust Services Criterion.
type Criterion struct {
	ID          string   // e.g. "CC6.1"
	Category    Category // the category it belongs to
	Series      string   // e.g. "CC6 Logical and Physical Access Controls"
	Title       string   // paraphrased title
	IaCEvidence Evidence // how far configuration can evidence it
}

// Criteria returns all 61 criteria in catalogue order. The slice is a copy.
func Criteria() []Criterion {
	return slices.Clone(catalogue)
}

// Lookup returns the criterion with the given ID (exact, e.g. "CC6.1").
func Lookup(id string) (Criterion, bool) {
	for _, c := range catalogue {
		if c.ID == id {
			return c, true
		}
	}
	return Criterion{}, false
}

// Scope is a set of categories in scope. Security is always a member.
type Scope struct {
	cats map[Category]bool
}

// NewScope returns the scope of the given categories plus Security.
func NewScope(cats ...Category) Scope {
	s := Scope{cats: map[Category]bool{Security: true}}
	for _, c := range cats {
		s.cats[c] = true
	}
	return s
}

// FullScope returns a scope with all five categories.
func FullScope() Scope {
	return NewScope(Categories()...)
}

// Includes reports whether the criterion with the given ID is in scope.
// Unknown IDs are never in scope.
func (s Scope) Includes(id string) bool {
	c, ok := Lookup(id)
	if !ok {
		return false
	}
	if s.cats == nil { // the zero Scope is the full scope
		return true
	}
	return s.cats[c.Category]
}

// Categories lists the categories in scope in catalogue order.
func (s Scope) Categories() []Category {
	var out []Category
	for _, c := range Categories() {
		if s.cats == nil || s.cats[c] {
			out = append(out, c)
		}
	}
	return out
}
