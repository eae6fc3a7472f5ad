package configfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func write(t *testing.T, dir, text string) string {
	t.Helper()
	p := filepath.Join(dir, Name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, `# project settings
categories: [security, availability]
fail_on: high
policies: [rules]
exclude: ["vendor/**"]
config_types: ["app/*.yaml=app_config"]
disabled_rules: [AWS-S3-004]
waivers:
  - rule: AWS-S3-*
    resource: aws_s3_bucket.scratch
    reason: scratch data, deleted nightly
    owner: platform@example.com
    expires: 2027-01-31
`)
	f, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{filepath.Join(dir, "rules")}, f.Policies); diff != "" {
		t.Errorf("policies resolved against the file's directory (-want +got):\n%s", diff)
	}
	if f.FailOn != "high" || len(f.Categories) != 2 || len(f.Exclude) != 1 || len(f.ConfigTypes) != 1 || len(f.DisabledRules) != 1 {
		t.Errorf("settings %+v", f)
	}
	if len(f.Waivers) != 1 {
		t.Fatalf("%d waivers", len(f.Waivers))
	}
	w := f.Waivers[0]
	if w.Rule != "AWS-S3-*" || w.Owner != "platform@example.com" || w.Expires.Format("2006-01-02") != "2027-01-31" || w.Origin.Line != 9 {
		t.Errorf("waiver %+v", w)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown key", "categories: [security]\nfail-on: high\n", `:2: unknown key "fail-on"`},
		{"unknown waiver key", "waivers:\n  - rule: X\n    reason: r\n    expires: 2027-01-01\n    until: 2027-01-01\n", `:5: unknown waiver key "until"`},
		{"waiver without reason", "waivers:\n  - rule: AWS-S3-001\n    expires: 2027-01-01\n", ":2: waiver for AWS-S3-001 needs a reason"},
		{"waiver without expiry", "waivers:\n  - rule: AWS-S3-001\n    reason: r\n", ":2: waiver for AWS-S3-001 needs an expiry date"},
		{"bad date", "waivers:\n  - rule: AWS-S3-001\n    reason: r\n    expires: next year\n", `expires "next year" is not a date`},
		{"waiver without rule", "waivers:\n  - reason: r\n", ":2: waiver needs a rule"},
		{"not YAML", "categories: [security\n", "did not find expected"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(write(t, t.TempDir(), tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), Name) {
				t.Errorf("error %v, want one naming the file and %q", err, tc.want)
			}
		})
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "infra", "prod")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	want := write(t, root, "fail_on: high\n")
	for _, start := range []string{deep, filepath.Join(deep, "main.tf"), root} {
		got, ok := Find(start)
		if !ok || got != want {
			t.Errorf("Find(%s) = %s, %v; want %s", start, got, ok, want)
		}
	}
}
