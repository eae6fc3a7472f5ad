package tfplan

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/internal/golden"
	"github.com/soc2scan/soc2scan/pkg/document"
)

// summary renders what a rule can see of a document, one resource a block,
// for golden comparison: address, mode, action, line, unknown paths and refs.
func summary(doc *document.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format %s, %d resources\n", doc.Format, len(doc.Resources))
	res := append([]document.Resource(nil), doc.Resources...)
	sort.Slice(res, func(i, j int) bool { return res[i].ID < res[j].ID })
	for _, r := range res {
		fmt.Fprintf(&b, "\n%s\n  type=%s provider=%s mode=%s action=%q line=%d\n", r.ID, r.Type, r.Provider, r.Mode, r.Action, r.Location.Line)
		if paths := unknownPaths("", r.Unknown); len(paths) > 0 {
			fmt.Fprintf(&b, "  unknown: %s\n", strings.Join(paths, " "))
		}
		attrs := make([]string, 0, len(r.Refs))
		for a := range r.Refs {
			attrs = append(attrs, a)
		}
		sort.Strings(attrs)
		for _, a := range attrs {
			fmt.Fprintf(&b, "  ref %s -> %s\n", a, strings.Join(r.Refs[a], " "))
		}
	}
	return b.String()
}

func unknownPaths(prefix string, v any) []string {
	var out []string
	switch v := v.(type) {
	case bool:
		if v {
			out = append(out, prefix)
		}
	case []any:
		for i, e := range v {
			out = append(out, unknownPaths(prefix+"["+strconv.Itoa(i)+"]", e)...)
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			out = append(out, unknownPaths(p, v[k])...)
		}
	}
	return out
}

func TestParseGolden(t *testing.T) {
	for _, name := range []string{"modules", "v0_1", "state", "minified"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "..", "..", "testdata", "tfplan", name+".json")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, diags := Parse("plan.json", data)
			if len(diags) > 0 {
				t.Fatalf("diagnostics: %v", diags)
			}
			got := summary(doc)
			golden.Check(t, filepath.Join("testdata", name+".golden"), got)
		})
	}
}

func TestParseBadInput(t *testing.T) {
	tests := []struct {
		file string
		line int
		want string // in the diagnostic's text
	}{
		{"not_json.json", 1, "invalid JSON"},
		{"truncated.json", 21, "invalid JSON"},
		{"other_shape.json", 1, "no format_version"},
		{"future_format.json", 2, `unsupported Terraform plan format: unsupported plan format version: "2.0.0"`},
		{"wrong_type.json", 6, "not a Terraform plan: unexpected JSON string"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "tfplan", "bad", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, diags := Parse("bad/"+tc.file, data)
			if doc != nil {
				t.Errorf("got a document with %d resources", len(doc.Resources))
			}
			if len(diags) != 1 {
				t.Fatalf("want one diagnostic, got %v", diags)
			}
			d := diags[0]
			if d.Severity != document.Error || d.Location.File != "bad/"+tc.file || d.Location.Line != tc.line {
				t.Errorf("diagnostic at %s:%d (%s), want bad/%s:%d error", d.Location.File, d.Location.Line, d.Severity, tc.file, tc.line)
			}
			if !strings.Contains(d.Error(), tc.want) {
				t.Errorf("diagnostic %q does not say %q", d.Error(), tc.want)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := map[string]bool{
		`{"format_version":"1.2","terraform_version":"1.9.0"}`: true,
		"\ufeff\n  {\n  \"format_version\": \"1.0\"}":          true,
		`{"name":"x","format_version":"1.2"}`:                  false,
		`[{"format_version":"1.2"}]`:                           false,
		`resource "aws_s3_bucket" "b" {}`:                      false,
		``:                                                     false,
	}
	for in, want := range tests {
		if got := Detect([]byte(in)); got != want {
			t.Errorf("Detect(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestReferenceParsing(t *testing.T) {
	if diff := cmp.Diff([]string{"module", `a["x.y"]`, "out"}, splitRef(`module.a["x.y"].out`)); diff != "" {
		t.Errorf("splitRef (-want +got):\n%s", diff)
	}
	tests := []struct{ in, name, key string }{
		{`b["k"]`, "b", `["k"]`},
		{`b[0]`, "b", `[0]`},
		{`b[count.index]`, "b", ""},
		{`b[`, "b", ""},
		{`b`, "b", ""},
	}
	for _, tc := range tests {
		name, key := splitKey(tc.in)
		if name != tc.name || key != tc.key {
			t.Errorf("splitKey(%q) = %q, %q; want %q, %q", tc.in, name, key, tc.name, tc.key)
		}
	}
	if got := instanceKey(`module.a[1].aws_s3_bucket.b["x"]`); got != `["x"]` {
		t.Errorf("instanceKey = %q", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"v0_1.json", "state.json", "minified.json", "bad/truncated.json", "bad/wrong_type.json"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "tfplan", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"a.b","values":{"x":"a.b"}}]}},"configuration":{"root_module":{"resources":[{"address":"a.b","expressions":{"x":{"references":["module.m[\"k\"].o","var.v","a.b[0"]}}}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, diags := Parse("fuzz.json", data)
		if doc == nil && !diags.HasErrors() {
			t.Fatal("no document and no error")
		}
		if doc != nil && diags.HasErrors() {
			t.Fatal("a document and an error")
		}
	})
}

// TestCyclicModuleReferences: an output that refers to an input that refers
// back to the output must not loop (it cannot happen in a valid plan, but
// scanned files are untrusted).
func TestCyclicModuleReferences(t *testing.T) {
	plan := `{"format_version":"1.2",
"planned_values":{"root_module":{"child_modules":[{"address":"module.m","resources":[{"address":"module.m.a_b.c","mode":"managed","type":"a_b","name":"c","values":{}}]}]}},
"configuration":{"root_module":{"module_calls":{"m":{"expressions":{"x":{"references":["module.m.o","module.m.o2"]},"y":{"references":["module.m.o","module.m.o2"]}},
"module":{"outputs":{"o":{"expression":{"references":["var.x","var.y"]}},"o2":{"expression":{"references":["var.y","var.x"]}}},
"resources":[{"address":"a_b.c","mode":"managed","type":"a_b","name":"c","expressions":{"v":{"references":["var.x","var.y"]}}}]}}}}}}`
	doc, diags := Parse("cycle.json", []byte(plan))
	if len(diags) > 0 || len(doc.Resources) != 1 {
		t.Fatalf("%v %v", doc, diags)
	}
}

func TestNullSections(t *testing.T) {
	for _, plan := range []string{
		"{\n\"format_version\": \"1.2\",\n\"planned_values\": null,\n\"resource_changes\": null,\n\"configuration\": null\n}",
		"{\n\"format_version\": \"1.0\",\n\"values\": null\n}",
		`{"format_version": "1.0"}`,
	} {
		doc, diags := Parse("null.json", []byte(plan))
		if len(diags) > 0 || doc == nil || len(doc.Resources) != 0 {
			t.Errorf("Parse(%q) = %v, %v", plan, doc, diags)
		}
	}
}
