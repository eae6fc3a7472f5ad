package tfhcl_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/load/tfhcl"
)

// writeTree creates files (slash paths → contents) under a new directory
// and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// diagnostics formats diagnostics with paths relative to dir.
func diagnostics(dir string, ds document.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, string(d.Severity)+": "+strings.TrimPrefix(d.Error(), filepath.ToSlash(dir)+"/"))
	}
	return out
}

func ids(doc *document.Document) []string {
	var out []string
	for _, r := range doc.Resources {
		out = append(out, r.ID)
	}
	return out
}

func TestBadInput(t *testing.T) {
	deep := map[string]string{}
	p := ""
	for i := 0; i < 40; i++ {
		deep[p+"main.tf"] = "resource \"aws_s3_bucket\" \"b\" {}\nmodule \"next\" {\n  source = \"./next\"\n}\n"
		p += "next/"
	}
	tests := []struct {
		name    string
		files   map[string]string
		want    []string // diagnostics, in order
		wantIDs []string // resources still loaded
	}{
		{
			name: "syntax error keeps the other files",
			files: map[string]string{
				"bad.tf":  "resource \"aws_s3_bucket\" \"a\" {\n  bucket = \n}\n",
				"good.tf": "resource \"aws_s3_bucket\" \"b\" {}\n",
			},
			want:    []string{"error: bad.tf:2:12: Invalid expression: Expected the start of an expression, but found an invalid expression token."},
			wantIDs: []string{"aws_s3_bucket.b"},
		},
		{
			name: "local cycle",
			files: map[string]string{"main.tf": "locals {\n  a = local.b\n  b = local.a\n}\n" +
				"resource \"aws_s3_bucket\" \"b\" {\n  bucket = local.a\n}\n"},
			want:    []string{"error: main.tf:2:3: local.a refers to itself through a cycle of references"},
			wantIDs: []string{"aws_s3_bucket.b"},
		},
		{
			name: "resource cycle",
			files: map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"a\" {\n  bucket = aws_s3_bucket.b.bucket\n}\n" +
				"resource \"aws_s3_bucket\" \"b\" {\n  bucket = aws_s3_bucket.a.bucket\n}\n"},
			want:    []string{"error: main.tf:1:1: aws_s3_bucket.a refers to itself through a cycle of references"},
			wantIDs: []string{"aws_s3_bucket.a", "aws_s3_bucket.b"},
		},
		{
			name:    "recursive module source",
			files:   map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {}\nmodule \"self\" {\n  source = \"./\"\n}\n"},
			want:    []string{`error: main.tf:2:1: module "self" calls its own directory ` + "DIR" + ` recursively`},
			wantIDs: []string{"aws_s3_bucket.b"},
		},
		{
			name:  "huge count",
			files: map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  count = 100000000\n}\n"},
			want:  []string{"error: main.tf:2:11: count of aws_s3_bucket.b is 100000000, more than the limit of 10000"},
		},
		{
			name:  "huge for_each",
			files: map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  for_each = { for p in setproduct(range(200), range(100)) : \"${p[0]}-${p[1]}\" => p }\n}\n"},
			want:  []string{"error: main.tf:2:14: for_each of aws_s3_bucket.b has 20000 elements, more than the limit of 10000"},
		},
		{
			name:    "deep nesting",
			files:   deep,
			want:    []string{`error: ` + strings.Repeat("next/", 32) + `main.tf:2:1: module "` + strings.TrimPrefix(strings.Repeat(".next", 33), ".") + `" is nested more than 32 deep`},
			wantIDs: deepIDs(33),
		},
		{
			name:  "unknown count",
			files: map[string]string{"main.tf": "variable \"n\" { type = number }\nresource \"aws_s3_bucket\" \"b\" {\n  count = var.n\n}\n"},
			want:  []string{"warning: main.tf:2:1: count of aws_s3_bucket.b is known only after apply: its resources are not checked"},
		},
		{
			name: "file outside the tree",
			files: map[string]string{"main.tf": "resource \"aws_iam_policy\" \"p\" {\n  policy = file(\"../../../../../../etc/passwd\")\n}\n" +
				"resource \"aws_iam_policy\" \"q\" {\n  policy = file(\"policy.json\")\n}\n",
				"policy.json": "{}"},
			want:    []string{`error: main.tf:2:12: Error in function call: Call to function "file" failed: ../../../../../../etc/passwd is outside the scanned tree; soc2scan reads files only inside it.`},
			wantIDs: []string{"aws_iam_policy.p", "aws_iam_policy.q"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := writeTree(t, tc.files)
			doc, diags := tfhcl.Load(context.Background(), dir, tfhcl.Options{})
			for i := range tc.want {
				tc.want[i] = strings.ReplaceAll(tc.want[i], "DIR", filepath.ToSlash(dir))
			}
			if diff := cmp.Diff(tc.want, diagnostics(dir, diags)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			if doc == nil {
				t.Fatal("no document")
			}
			if diff := cmp.Diff(tc.wantIDs, ids(doc)); diff != "" {
				t.Errorf("resources (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLongChainOfLocals(t *testing.T) {
	var b strings.Builder
	b.WriteString("locals {\n  l0 = \"x\"\n")
	for i := 1; i <= 5000; i++ {
		fmt.Fprintf(&b, "  l%d = local.l%d\n", i, i-1)
	}
	b.WriteString("}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = local.l5000\n}\n")
	dir := writeTree(t, map[string]string{"main.tf": b.String()})
	doc, diags := tfhcl.Load(context.Background(), dir, tfhcl.Options{})
	want := []string{"error: main.tf:3003:3: references are chained more than 2000 deep"}
	if diff := cmp.Diff(want, diagnostics(dir, diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"bucket": true}, doc.Resources[0].Unknown); diff != "" {
		t.Errorf("unknown (-want +got):\n%s", diff)
	}
}

func deepIDs(n int) []string {
	out := []string{"aws_s3_bucket.b"}
	prefix := ""
	for i := 1; i < n; i++ {
		prefix += "module.next."
		out = append(out, prefix+"aws_s3_bucket.b")
	}
	return out
}

func TestVariableSources(t *testing.T) {
	files := map[string]string{
		"main.tf": `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "f" { type = list(string) }
variable "g" {
  type = object({ x = optional(number, 1), y = optional(string) })
}
variable "h" { type = number }
resource "x_thing" "t" {
  values = [var.a, var.b, var.c, var.d, var.e]
  f      = var.f
  g      = var.g
  h      = var.h
}
`,
		"terraform.tfvars":   "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\ne = \"tfvars\"\n",
		"z.auto.tfvars":      "c = \"auto\"\nd = \"auto\"\ne = \"auto\"\n",
		"a.auto.tfvars.json": `{"c": "auto-json", "g": {"y": "yes"}}`,
		"extra/prod.tfvars":  "d = \"var-file\"\ne = \"var-file\"\nundeclared = 1\n",
	}
	dir := writeTree(t, files)
	doc, diags := tfhcl.Load(context.Background(), dir, tfhcl.Options{
		VarFiles: []string{filepath.Join(dir, "extra", "prod.tfvars")},
		Vars:     map[string]string{"e": "flag", "f": `["p", "q"]`},
		Env:      []string{"TF_VAR_a=env", "TF_VAR_b=env", "HOME=/root", "TF_VAR_h=12"},
	})
	if diff := cmp.Diff([]string{`warning: extra/prod.tfvars:3:1: value for undeclared variable "undeclared"`}, diagnostics(dir, diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	want := map[string]any{
		// z.auto.tfvars sorts after a.auto.tfvars.json, so it wins for c.
		"values": []any{"env", "tfvars", "auto", "var-file", "flag"},
		"f":      []any{"p", "q"},
		"g":      map[string]any{"x": float64(1), "y": "yes"},
		"h":      float64(12),
	}
	if diff := cmp.Diff(want, doc.Resources[0].Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
}

func TestUnsetVariableIsUnknown(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": `
variable "encrypted" { type = bool }
resource "aws_ebs_volume" "v" {
  availability_zone = "us-east-1a"
  encrypted         = var.encrypted
}
`})
	doc, diags := tfhcl.Load(context.Background(), dir, tfhcl.Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if diff := cmp.Diff(map[string]any{"encrypted": true}, doc.Resources[0].Unknown); diff != "" {
		t.Errorf("unknown (-want +got):\n%s", diff)
	}
	if _, ok := doc.Resources[0].Values["encrypted"]; ok {
		t.Errorf("an unknown value is in Values: %v", doc.Resources[0].Values)
	}
}

func TestInstalledRemoteModule(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `
module "bucket" {
  source = "terraform-aws-modules/s3-bucket/aws"
  name   = "acme"
}
module "missing" {
  source = "git::https://example.com/m.git"
}
`,
		".terraform/modules/modules.json": `{"Modules":[{"Key":"","Source":"","Dir":"."},
 {"Key":"bucket","Source":"registry.terraform.io/terraform-aws-modules/s3-bucket/aws","Dir":".terraform/modules/bucket"}]}`,
		".terraform/modules/bucket/main.tf": "variable \"name\" {}\nresource \"aws_s3_bucket\" \"this\" {\n  bucket = var.name\n}\n",
	})
	r, diags := tfhcl.Evaluate(context.Background(), dir, tfhcl.Options{})
	wantDiags := []string{`warning: main.tf:6:1: module "missing" (source "git::https://example.com/m.git") is not installed: its resources are not checked: run terraform init (or terraform get) so that .terraform/modules/modules.json lists it`}
	if diff := cmp.Diff(wantDiags, diagnostics(dir, diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	res := r.Document.Resources
	if len(res) != 1 || res[0].ID != "module.bucket.aws_s3_bucket.this" || res[0].Values["bucket"] != "acme" {
		t.Fatalf("resources: %+v", res)
	}
	if got, want := res[0].Location.String(), filepath.ToSlash(dir)+"/.terraform/modules/bucket/main.tf:2"; got != want {
		t.Errorf("location %s, want %s", got, want)
	}
	if got := r.Via[res[0].ID]; len(got) != 1 || got[0].Line != 2 {
		t.Errorf("via %v, want main.tf:2", got)
	}
}

func TestRoots(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"live/main.tf":         "module \"net\" {\n  source = \"../modules/net\"\n}\n",
		"modules/net/main.tf":  "module \"sub\" {\n  source = \"./sub\"\n}\n",
		"modules/net/sub/a.tf": "resource \"aws_vpc\" \"v\" {}\n",
		"other/main.tf":        "module \"r\" {\n  source = \"hashicorp/x/aws\"\n}\n",
	})
	in := []string{filepath.Join(dir, "live"), filepath.Join(dir, "modules/net"), filepath.Join(dir, "modules/net/sub"), filepath.Join(dir, "other")}
	want := []string{filepath.Join(dir, "live"), filepath.Join(dir, "other")}
	if diff := cmp.Diff(want, tfhcl.Roots(in)); diff != "" {
		t.Errorf("roots (-want +got):\n%s", diff)
	}
}

func TestCancelled(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {}\n"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, diags := tfhcl.Load(ctx, dir, tfhcl.Options{})
	if !diags.HasErrors() {
		t.Errorf("a cancelled load reports no error: %v", diags)
	}
}
