package scan_test

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/pkg/report"
	"github.com/soc2scan/soc2scan/pkg/scan"
)

// placed is a finding as the module-model test compares it: which rule,
// on which instance, at which line of the user's file.
type placed struct {
	Rule, Resource string
	Line           int
}

// TestModuleModels scans calls of registry modules that terraform init has
// not installed with the full built-in rule set: each model must give the
// failing call exactly the findings the rules should give, placed on the
// call, and the passing call none, though its resources are judged.
// testdata/models/<name>-<major>/main.tf holds a "failing" and a "passing"
// call; every model has one.
func TestModuleModels(t *testing.T) {
	t.Parallel()
	s, err := scan.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		model string
		want  []placed
	}{
		{model: "s3-bucket-v3", want: []placed{
			{"AWS-S3-001", "module.failing.aws_s3_bucket.this[0]", 4},
			{"AWS-S3-002", "module.failing.aws_s3_bucket.this[0]", 4},
			{"AWS-S3-003", "module.failing.aws_s3_bucket.this[0]", 4},
			{"AWS-S3-004", "module.failing.aws_s3_bucket.this[0]", 4},
			{"AWS-S3-006", "module.failing.aws_s3_bucket.this[0]", 4},
			{"AWS-S3-005", "module.failing.aws_s3_bucket_acl.this[0]", 4},
		}},
		{model: "security-group-v4", want: []placed{
			{"AWS-EC2-001", "module.failing.aws_security_group_rule.ingress_rules[0]", 4},
		}},
		{model: "elb-v2", want: []placed{
			{"AWS-ELB-001", "module.failing.module.elb.aws_elb.this[0]", 5},
			{"AWS-ELB-004", "module.failing.module.elb.aws_elb.this[0]", 5},
		}},
		{model: "alb-v6", want: []placed{
			{"AWS-ELB-003", "module.failing.aws_lb.this[0]", 4},
			{"AWS-ELB-004", "module.failing.aws_lb.this[0]", 4},
			{"AWS-ELB-005", "module.failing.aws_lb.this[0]", 4},
			{"AWS-ELB-006", "module.failing.aws_lb.this[0]", 4},
		}},
	}
	covered := map[string]bool{}
	for _, tc := range tests {
		covered[tc.model] = true
	}
	modelDirs, err := filepath.Glob(filepath.Join("..", "load", "tfhcl", "models", "*", "*", "*", "*"))
	if err != nil || len(modelDirs) == 0 {
		t.Fatalf("no models found: %v", err)
	}
	for _, d := range modelDirs {
		// models/<namespace>/<name>/<provider>/<major>
		parts := strings.Split(filepath.ToSlash(d), "/")
		name := parts[len(parts)-3] + "-" + parts[len(parts)-1]
		if !covered[name] {
			t.Errorf("the model in %s has no case: add testdata/models/%s", d, name)
		}
	}
	for _, tc := range tests {
		t.Run(tc.model, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join("testdata", "models", tc.model)
			rep, err := s.Scan(context.Background(), scan.Path(dir))
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Errors) != 0 {
				t.Errorf("errors: %+v", rep.Errors)
			}
			file := filepath.Join(dir, "main.tf")
			got := []placed{}
			for _, f := range rep.Findings {
				if f.Location.File != file {
					t.Errorf("%s on %s placed in %s, want %s", f.RuleID, f.Resource, f.Location.File, file)
				}
				got = append(got, placed{f.RuleID, f.Resource, f.Location.Line})
			}
			sort.Slice(got, func(i, j int) bool {
				if got[i].Resource != got[j].Resource {
					return got[i].Resource < got[j].Resource
				}
				return got[i].Rule < got[j].Rule
			})
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			judged := 0
			for _, c := range rep.Checks {
				if strings.HasPrefix(c.Resource, "module.passing.") {
					judged++
					if c.Status != report.Pass {
						t.Errorf("%s on %s: %s, want pass", c.RuleID, c.Resource, c.Status)
					}
				}
			}
			if judged == 0 {
				t.Error("no rule judged the passing call's resources")
			}
			for _, w := range rep.Warnings {
				if !strings.Contains(w.Message, "judged with soc2scan's model") {
					t.Errorf("warning %s:%d: %s", w.Source, w.Line, w.Message)
				}
			}
		})
	}
}

// TestModuleModelOutOfRange: a call pinned to a release no model covers
// is not judged, and the warning says the module is not installed.
func TestModuleModelOutOfRange(t *testing.T) {
	t.Parallel()
	s, err := scan.New()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "models", "out-of-range")
	rep, err := s.Scan(context.Background(), scan.Path(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 0 || len(rep.Errors) != 0 {
		t.Errorf("findings %+v, errors %+v; want none", rep.Findings, rep.Errors)
	}
	want := []report.Error{{Source: filepath.Join(dir, "main.tf"), Line: 4, Column: 1,
		Message: `module "too_old" (source "terraform-aws-modules/s3-bucket/aws") is not installed: its resources are not checked: ` +
			`its version constraint "2.14.1" admits versions that soc2scan's models (versions 3.5.0–3.8.2) do not cover; ` +
			`run terraform init (or terraform get) so that .terraform/modules/modules.json lists it`}}
	if diff := cmp.Diff(want, rep.Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}
