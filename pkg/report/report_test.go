package report

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sample() *Report {
	r := &Report{
		Findings: []Finding{
			{RuleID: "B-1", Severity: Low, Criteria: []string{"CC6.1"}, Resource: "x.b", Source: "b.json", Location: Location{File: "b.json", Line: 3}, Message: "m"},
			{RuleID: "A-2", Severity: Critical, Criteria: []string{"CC6.6", "CC7.2"}, Resource: "x.a", Source: "a.json", Location: Location{File: "a.json", Line: 9}, Message: "open"},
			{RuleID: "A-1", Severity: High, Criteria: []string{"CC6.1"}, Resource: "x.a", Source: "a.json", Location: Location{File: "a.json", Line: 9}, Message: "plain"},
		},
		Checks: []Check{
			{RuleID: "A-2", Resource: "x.a", Source: "a.json", Status: Fail},
			{RuleID: "A-1", Resource: "x.c", Source: "a.json", Status: Unknown, Message: "tags is known only after apply"},
			{RuleID: "A-1", Resource: "x.a", Source: "a.json", Status: Fail},
		},
		Errors: []Error{{Source: "c.json", Line: 2, Column: 5, Message: "invalid JSON"}},
	}
	r.Finalize(2, 5, 3)
	return r
}

func TestFinalizeOrdersAndCounts(t *testing.T) {
	r := sample()
	var order []string
	for _, f := range r.Findings {
		order = append(order, f.RuleID)
	}
	if diff := cmp.Diff([]string{"A-1", "A-2", "B-1"}, order); diff != "" {
		t.Errorf("finding order (-want +got):\n%s", diff)
	}
	want := Summary{Sources: 2, Resources: 5, Rules: 3, Findings: 3, Errors: 1,
		BySeverity: map[Severity]int{Critical: 1, High: 1, Medium: 0, Low: 1},
		Checks:     CheckCounts{Fail: 2, Unknown: 1}}
	if diff := cmp.Diff(want, r.Summary); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if got := r.AtOrAbove(High); got != 2 {
		t.Errorf("AtOrAbove(high) = %d, want 2", got)
	}
}

// TestSortIndirect checks the index sort against slices.SortStableFunc on
// random, sorted and reversed checks with equal keys: the same keys in the
// same order, every element kept.
func TestSortIndirect(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	byKey := func(a, b *Check) int {
		if c := strings.Compare(a.RuleID, b.RuleID); c != 0 {
			return c
		}
		return strings.Compare(a.Resource, b.Resource)
	}
	for _, n := range []int{0, 1, 2, 3, 17, 1000} {
		random := make([]Check, n)
		for i := range random {
			random[i] = Check{RuleID: strconv.Itoa(rng.IntN(5)), Resource: strconv.Itoa(rng.IntN(n + 1)), Message: strconv.Itoa(i)}
		}
		sorted := slices.Clone(random)
		slices.SortStableFunc(sorted, func(a, b Check) int { return byKey(&a, &b) })
		reversed := slices.Clone(sorted)
		slices.Reverse(reversed)
		for name, in := range map[string][]Check{"random": random, "sorted": sorted, "reversed": reversed} {
			got := slices.Clone(in)
			sortIndirect(got, byKey)
			keys := func(s []Check) (k []string, all []string) {
				for _, c := range s {
					k = append(k, c.RuleID+"/"+c.Resource)
					all = append(all, c.Message)
				}
				slices.Sort(all)
				return k, all
			}
			wantKeys, wantAll := keys(sorted)
			gotKeys, gotAll := keys(got)
			if diff := cmp.Diff(wantKeys, gotKeys); diff != "" {
				t.Errorf("n=%d %s: order (-want +got):\n%s", n, name, diff)
			}
			if diff := cmp.Diff(wantAll, gotAll); diff != "" {
				t.Errorf("n=%d %s: elements (-want +got):\n%s", n, name, diff)
			}
		}
	}
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, sample(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `a.json:9 A-1 high [CC6.1] x.a: plain
a.json:9 A-2 critical [CC6.6,CC7.2] x.a: open
b.json:3 B-1 low [CC6.1] x.b: m
c.json:2 error: invalid JSON

3 rules, 5 resources in 2 files, 3 checks: 0 passed, 2 failed, 1 unknown; 3 findings (1 critical, 1 high, 1 low); 1 error
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestJSONEmptyListsNotNull(t *testing.T) {
	r := &Report{}
	r.Finalize(0, 0, 0)
	var b bytes.Buffer
	if err := JSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(b.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"findings", "checks", "errors"} {
		if _, ok := raw[k].([]any); !ok {
			t.Errorf("%s is %v, want []", k, raw[k])
		}
	}
}

func TestParseSeverity(t *testing.T) {
	for _, s := range []string{"critical", "HIGH", " medium", "Low"} {
		if _, err := ParseSeverity(s); err != nil {
			t.Errorf("ParseSeverity(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", "none", "info"} {
		if _, err := ParseSeverity(s); err == nil {
			t.Errorf("ParseSeverity(%q) did not fail", s)
		}
	}
}
