package tfhcl

import (
	"testing"

	version "github.com/hashicorp/go-version"
)

// TestConstraintWithin checks which version constraints lie wholly inside
// a model's range [3.5.0, 3.9.0), as Terraform reads them.
func TestConstraintWithin(t *testing.T) {
	from, below := version.Must(version.NewVersion("3.5.0")), version.Must(version.NewVersion("3.9.0"))
	tests := []struct {
		constraint string
		valid      bool
		within     bool
	}{
		{"3.7.0", true, true},
		{"= 3.7.0", true, true},
		{"~> 3.7.0", true, true},  // >= 3.7.0, < 3.8.0
		{"~> 3.7", true, false},   // >= 3.7, < 4.0.0
		{"~> 3", true, false},     // < 4.0.0
		{"~> 3.8.2", true, true},  // < 3.9.0
		{"~> 3.9.0", true, false}, // starts at the range's end
		{">= 3.6, < 3.8", true, true},
		{"> 3.5.0, <= 3.8.2", true, true},
		{">= 3.5.0, < 3.9.0", true, true},
		{">= 3.5.0, <= 3.9.0", true, false},
		{">= 3.4.9, < 3.8", true, false},
		{"!= 3.7.1, ~> 3.7.0", true, true},
		{"< 3.8", true, false},  // no lower bound
		{">= 3.6", true, false}, // no upper bound
		{">= 3.8, < 3.6", true, false},
		{"3.4.0", true, false},
		{"not a version", false, false},
	}
	for _, tc := range tests {
		iv, ok := parseConstraint(tc.constraint)
		if ok != tc.valid {
			t.Errorf("parseConstraint(%q) ok = %v, want %v", tc.constraint, ok, tc.valid)
			continue
		}
		if got := ok && iv.within(from, below); got != tc.within {
			t.Errorf("%q within [3.5.0, 3.9.0) = %v, want %v", tc.constraint, got, tc.within)
		}
	}
}
