package tfhcl_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/pkg/load/tfhcl"
)

// TestFunctions evaluates Terraform's functions, those written for this
// loader above all, as attributes of a resource.
func TestFunctions(t *testing.T) {
	tests := []struct {
		expr string
		want any // nil: unknown
		err  string
	}{
		{`length("héllo")`, float64(5), ""},
		{`length({ a = 1, b = "x" })`, float64(2), ""},
		{`length([1, 2, 3])`, float64(3), ""},
		{`index(["a", "b"], "b")`, float64(1), ""},
		{`replace("a-b-c", "-", "+")`, "a+b+c", ""},
		{`replace("a1b22", "/[0-9]+/", "#")`, "a#b#", ""},
		{`alltrue([true, 1 == 1])`, true, ""},
		{`anytrue([false, false])`, false, ""},
		{`sum([1, 2.5])`, 3.5, ""},
		{`one([])`, nil, ""},
		{`one(["x"])`, "x", ""},
		{`startswith("hello", "he")`, true, ""},
		{`strcontains("hello", "xl")`, false, ""},
		{`transpose({ a = ["1", "2"], b = ["2"] })`, map[string]any{"1": []any{"a"}, "2": []any{"a", "b"}}, ""},
		{`matchkeys(["i", "j"], ["x", "y"], ["y"])`, []any{"j"}, ""},
		{`base64sha256("x")`, "LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=", ""},
		{`cidrsubnets("10.0.0.0/16", 8, 8)`, []any{"10.0.0.0/24", "10.0.1.0/24"}, ""},
		{`jsondecode("{\"a\": [1]}").a[0]`, float64(1), ""},
		{`yamldecode("a: [1, x]")`, map[string]any{"a": []any{float64(1), "x"}}, ""},
		{`templatestring("$${a}-$${b}", { a = 1, b = "z" })`, "1-z", ""},
		{`timecmp("2024-01-01T00:00:00Z", "2023-01-01T00:00:00Z")`, float64(1), ""},
		{`formatdate("YYYY", "2024-05-01T00:00:00Z")`, "2024", ""},
		{`sensitive("s")`, "s", ""},
		{`timestamp()`, nil, ""},
		{`uuid()`, nil, ""},
		{`length(setproduct(range(1000), range(1000)))`, nil, "the product has more than 100000 elements"},
		{`try(tonumber("x"), 7)`, float64(7), ""},
		{`can(tonumber("x"))`, false, ""},
		{`lookup({ a = "x" }, "b", null)`, nil, ""},
		{`lookup({ a = "x" }, "a", null)`, "x", ""},
		{`lookup({ a = "x" }, "a", timestamp())`, "x", ""},
		{`lookup({ a = 1 }, "b", 2)`, float64(2), ""},
	}
	var src strings.Builder
	src.WriteString("resource \"x_t\" \"t\" {\n")
	for i, tc := range tests {
		fmt.Fprintf(&src, "  f%02d = %s\n", i, tc.expr)
	}
	src.WriteString("}\n")
	dir := writeTree(t, map[string]string{"main.tf": src.String()})
	doc, diags := tfhcl.Load(context.Background(), dir, tfhcl.Options{})
	errs := map[int]string{}
	for _, d := range diags {
		errs[d.Location.Line-2] += d.Detail
	}
	r := doc.Resources[0]
	for i, tc := range tests {
		name := fmt.Sprintf("f%02d", i)
		if !strings.Contains(errs[i], tc.err) || (tc.err == "" && errs[i] != "") {
			t.Errorf("%s: error %q, want %q", tc.expr, errs[i], tc.err)
		}
		if tc.want == nil {
			if _, known := r.Values[name]; known && r.Values[name] != nil {
				t.Errorf("%s = %v, want unknown or null", tc.expr, r.Values[name])
			}
			continue
		}
		if diff := cmp.Diff(tc.want, r.Values[name]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.expr, diff)
		}
	}
}
