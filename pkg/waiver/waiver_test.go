package waiver

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/report"
)

func day(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestApply(t *testing.T) {
	findings := func() *report.Report {
		return &report.Report{Findings: []report.Finding{
			{RuleID: "AWS-S3-004", Resource: `aws_s3_bucket.logs["a"]`, Location: report.Location{File: "infra/main.tf", Line: 3}},
			{RuleID: "AWS-S3-001", Resource: "aws_s3_bucket.scratch", Location: report.Location{File: "infra/main.tf", Line: 9}},
			{RuleID: "K8S-POD-001", Resource: "Deployment/prod/agent", Location: report.Location{File: "k8s/agent.yaml", Line: 1}},
		}}
	}
	origin := document.Location{File: ".soc2scan.yaml", Line: 4}
	ws := []*Waiver{
		{Rule: "AWS-S3-004", Resource: `aws_s3_bucket.logs["a"]`, Reason: "exact address with brackets", Expires: day("2027-01-31"), Origin: origin},
		{Rule: "AWS-S3-*", Resource: "aws_s3_bucket.scratch*", Source: "infra/**", Reason: "scratch", Owner: "platform", Expires: day("2026-11-25"), Origin: origin},
		{Rule: "K8S-POD-001", Reason: "expired", Expires: day("2026-01-01"), Origin: document.Location{File: ".soc2scan.yaml", Line: 12}},
		{Rule: "GCP-GCS-001", Reason: "stale", Expires: day("2027-01-01"), Origin: document.Location{File: ".soc2scan.yaml", Line: 20}},
	}
	r := findings()
	warnings := Apply(r, ws, day("2026-11-25")) // the scratch waiver's last day
	var waived []string
	for _, f := range r.Findings {
		if f.Waiver != nil {
			waived = append(waived, f.RuleID+" "+f.Waiver.Reason+" "+f.Waiver.Expires)
		}
	}
	if diff := cmp.Diff([]string{"AWS-S3-004 exact address with brackets 2027-01-31", "AWS-S3-001 scratch 2026-11-25"}, waived); diff != "" {
		t.Errorf("waived (-want +got):\n%s", diff)
	}
	var got []string
	for _, w := range warnings {
		got = append(got, fmt.Sprintf("%s:%d %s", w.Source, w.Line, w.Message))
	}
	want := []string{
		".soc2scan.yaml:12 waiver for K8S-POD-001 expired on 2026-01-01 and no longer applies: 1 finding is reported again",
		".soc2scan.yaml:20 waiver for GCP-GCS-001 matched no finding: remove it if the exception is over",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	r = findings()
	for _, w := range ws {
		w.matched, w.expiredMatch = 0, 0
	}
	Apply(r, ws, day("2026-11-26"))
	if r.Findings[1].Waiver != nil {
		t.Error("the scratch waiver still applies the day after it expired")
	}
}

func TestInlineTerraform(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "main.tf")
	src := `# soc2scan:ignore AWS-S3-004,AWS-S3-001 scratch bucket, deleted nightly
resource "aws_s3_bucket" "scratch" {
  bucket = "scratch"
}

resource "aws_s3_bucket" "logs" {
  #soc2scan:ignore:AWS-S3-003:exp:2027-01-31 TLS policy lands next sprint
  bucket = "logs"
  # soc2scan:ignore
}
// soc2scan:ignore:AWS-EC2-001
resource "aws_security_group" "ssh" {
}
`
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	name := filepath.ToSlash(file)
	doc := &document.Document{Kind: document.Terraform, Format: "hcl", Resources: []document.Resource{
		{ID: "aws_s3_bucket.scratch", Location: document.Location{File: name, Line: 2}},
		{ID: "aws_s3_bucket.logs", Location: document.Location{File: name, Line: 6}},
		{ID: "aws_security_group.ssh", Location: document.Location{File: name, Line: 11}},
	}}
	ws, warnings := Inline([]*document.Document{doc})
	var got []string
	for _, w := range ws {
		exp := ""
		if !w.Expires.IsZero() {
			exp = " until " + w.Expires.Format(DateLayout)
		}
		got = append(got, w.Rule+" on "+strings.Join(w.Resources, ",")+": "+w.Reason+exp)
	}
	want := []string{
		"AWS-S3-004 on aws_s3_bucket.scratch: scratch bucket, deleted nightly",
		"AWS-S3-001 on aws_s3_bucket.scratch: scratch bucket, deleted nightly",
		"AWS-S3-003 on aws_s3_bucket.logs: TLS policy lands next sprint until 2027-01-31",
		"AWS-EC2-001 on aws_security_group.ssh: (no reason given)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("waivers (-want +got):\n%s", diff)
	}
	var msgs []string
	for _, w := range warnings {
		msgs = append(msgs, w.Message)
	}
	if len(msgs) != 2 || !strings.Contains(msgs[0], "unreadable") || !strings.Contains(msgs[1], "no reason") {
		t.Errorf("warnings %q: want the bare comment unreadable and the reasonless one noted", msgs)
	}
}

func TestKubernetesAnnotation(t *testing.T) {
	r := document.Resource{ID: "DaemonSet/kube-system/agent", Location: document.Location{File: "agent.yaml", Line: 1},
		Values: map[string]any{"metadata": map[string]any{"annotations": map[string]any{
			AnnotationKey: "K8S-POD-001,K8S-POD-005: node agent needs the host; K8S-IMG-001 exp:2027-03-01: pinned by digest in the next release; bogus",
		}}}}
	ws, warnings := Inline([]*document.Document{{Kind: document.Kubernetes, Resources: []document.Resource{r}}})
	var got []string
	for _, w := range ws {
		got = append(got, w.Rule+" "+w.Resource+" "+w.Reason)
	}
	want := []string{
		"K8S-POD-001 DaemonSet/kube-system/agent node agent needs the host",
		"K8S-POD-005 DaemonSet/kube-system/agent node agent needs the host",
		"K8S-IMG-001 DaemonSet/kube-system/agent pinned by digest in the next release",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("waivers (-want +got):\n%s", diff)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Message, `"bogus"`) {
		t.Errorf("warnings %v, want one for the malformed part", warnings)
	}
}
