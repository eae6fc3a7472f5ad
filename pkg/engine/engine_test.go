package engine

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/engine/internal/irvm"
	"github.com/soc2scan/soc2scan/pkg/load"
	"github.com/soc2scan/soc2scan/pkg/report"
)

// userRule returns a rule module with the given metadata lines and body.
func userRule(pkg, meta, body string) string {
	return "# METADATA\n# title: T\n# description: D\n# custom:\n" + meta +
		"package soc2scan.rules." + pkg + "\n\nimport data.soc2scan.lib.terraform as tf\n\n" + body + "\n"
}

const goodMeta = "#   id: USER-001\n#   severity: medium\n#   criteria: [CC6.1]\n#   resource_types: [aws_s3_bucket]\n#   remediation: R\n"

const denyUntagged = `deny contains tf.finding(b, "no tags") if {
	some b in tf.resources("aws_s3_bucket")
	not b.values.tags
	not tf.is_unknown(b, "tags")
}

unknown contains tf.undetermined(b, "tags") if {
	some b in tf.resources("aws_s3_bucket")
	tf.is_unknown(b, "tags")
}`

func newUserEngine(t *testing.T, files map[string]string) *Engine {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	e, err := New(context.Background(), WithoutBuiltins(), WithPolicyFS(fsys, "user"))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestBuiltinRulesLoad(t *testing.T) {
	e, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Diagnostics()) > 0 {
		t.Errorf("diagnostics: %v", e.Diagnostics())
	}
	ids := map[string]bool{}
	for _, r := range e.Rules() {
		ids[r.ID] = true
		if !r.Builtin || r.Severity.Rank() == 0 || len(r.Criteria) == 0 || len(r.ResourceTypes) == 0 {
			t.Errorf("rule %s has incomplete metadata: %+v", r.ID, r)
		}
	}
	if !ids["AWS-S3-001"] {
		t.Errorf("AWS-S3-001 not loaded; got %v", ids)
	}
}

func TestUserRuleErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // in the diagnostic
		line int
	}{
		{"invalid rego", userRule("a", goodMeta, "deny contains x if {"), "rego_parse_error", 15},
		{"missing id", userRule("b", strings.Replace(goodMeta, "#   id: USER-001\n", "", 1), denyUntagged), "custom.id is missing", 1},
		{"bad severity", userRule("c", strings.Replace(goodMeta, "medium", "urgent", 1), denyUntagged), `unknown severity "urgent"`, 1},
		{"unknown criterion", userRule("d", strings.Replace(goodMeta, "[CC6.1]", "[CC6.1, CC6.9]", 1), denyUntagged), `"CC6.9" is not one of the 61`, 1},
		{"empty resource types", userRule("e", strings.Replace(goodMeta, "[aws_s3_bucket]", "[]", 1), denyUntagged), "custom.resource_types is empty", 1},
		{"no metadata", "package soc2scan.rules.f\n\ndeny contains 1 if true\n", "no package # METADATA", 1},
		{"no deny", userRule("g", goodMeta, "allow := true"), "defines no deny rule", 10},
		{"network builtin", userRule("h", goodMeta, `deny contains x if { x := http.send({"method": "get", "url": "http://example.com"}) }`), "undefined function http.send", 14},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			good := userRule("ok", strings.Replace(goodMeta, "USER-001", "USER-OK", 1), denyUntagged)
			e := newUserEngine(t, map[string]string{"bad.rego": tc.text, "ok.rego": good})
			if len(e.Rules()) != 1 || e.Rules()[0].ID != "USER-OK" {
				t.Errorf("the good rule did not load alone: %v", e.Rules())
			}
			ds := e.Diagnostics()
			if len(ds) == 0 {
				t.Fatal("no diagnostic")
			}
			d := ds[0]
			if d.Location.File != "user/bad.rego" || d.Location.Line != tc.line || !strings.Contains(d.Error(), tc.want) {
				t.Errorf("diagnostic %q at line %d; want user/bad.rego:%d saying %q", d.Error(), d.Location.Line, tc.line, tc.want)
			}
		})
	}
}

func TestDuplicateRuleID(t *testing.T) {
	e := newUserEngine(t, map[string]string{
		"a.rego": userRule("a", goodMeta, denyUntagged),
		"b.rego": userRule("b", goodMeta, denyUntagged),
	})
	if len(e.Rules()) != 1 {
		t.Errorf("want one rule, got %d", len(e.Rules()))
	}
	if ds := e.Diagnostics(); len(ds) != 1 || !strings.Contains(ds[0].Error(), "custom.id USER-001 is already used by user/a.rego") {
		t.Errorf("diagnostics: %v", ds)
	}
}

func bucketDoc() *document.Document {
	return &document.Document{Kind: document.Terraform, Source: "plan.json", Resources: []document.Resource{
		{ID: "aws_s3_bucket.a", Type: "aws_s3_bucket", Values: map[string]any{"tags": map[string]any{"x": "y"}}, Location: document.Location{File: "plan.json", Line: 3}},
		{ID: "aws_s3_bucket.b", Type: "aws_s3_bucket", Values: map[string]any{}, Location: document.Location{File: "plan.json", Line: 9}},
		{ID: "aws_s3_bucket.c", Type: "aws_s3_bucket", Unknown: map[string]any{"tags": true}},
		{ID: "data.aws_s3_bucket.d", Type: "aws_s3_bucket", Mode: document.Data},
		{ID: "aws_kms_key.k", Type: "aws_kms_key"},
	}}
}

func TestEvaluateFindingsAndChecks(t *testing.T) {
	e := newUserEngine(t, map[string]string{"tags.rego": userRule("tags", goodMeta, denyUntagged)})
	results, err := e.Evaluate(context.Background(), []*document.Document{bucketDoc()})
	if err != nil {
		t.Fatal(err)
	}
	want := Result{
		Findings: []report.Finding{{
			RuleID: "USER-001", Title: "T", Severity: report.Medium, Criteria: []string{"CC6.1"},
			Resource: "aws_s3_bucket.b", ResourceType: "aws_s3_bucket", Source: "plan.json",
			Location: report.Location{File: "plan.json", Line: 9}, Message: "no tags", Remediation: "R",
		}},
		Checks: []report.Check{
			{RuleID: "USER-001", Resource: "aws_s3_bucket.b", Source: "plan.json", Status: report.Fail},
			{RuleID: "USER-001", Resource: "aws_s3_bucket.a", Source: "plan.json", Status: report.Pass},
			{RuleID: "USER-001", Resource: "aws_s3_bucket.c", Source: "plan.json", Status: report.Unknown, Message: "tags is known only after apply"},
		},
	}
	if diff := cmp.Diff([]Result{want}, results); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestRuleRunsOnItsTypesOnly: a rule is evaluated on a document only when
// the document holds a resource of one of its types (data sources
// included); elsewhere it cannot check anything and is not run.
func TestRuleRunsOnItsTypesOnly(t *testing.T) {
	always := userRule("always", strings.Replace(goodMeta, "aws_s3_bucket", "aws_ebs_volume, aws_iam_policy_document", 1),
		`deny contains {"resource": "aws_ebs_volume.v", "message": "ran"} if true`)
	e := newUserEngine(t, map[string]string{"always.rego": always})
	ebs := &document.Document{Kind: document.Terraform, Source: "ebs.json",
		Resources: []document.Resource{{ID: "aws_ebs_volume.v", Type: "aws_ebs_volume", Mode: document.Managed}}}
	policy := &document.Document{Kind: document.Terraform, Source: "data.json",
		Resources: []document.Resource{{ID: "data.aws_iam_policy_document.p", Type: "aws_iam_policy_document", Mode: document.Data}}}
	results, err := e.Evaluate(context.Background(), []*document.Document{bucketDoc(), ebs, policy})
	if err != nil {
		t.Fatal(err)
	}
	ran := make([]int, len(results))
	for i, r := range results {
		ran[i] = len(r.Findings)
	}
	if diff := cmp.Diff([]int{0, 1, 1}, ran); diff != "" {
		t.Errorf("findings per document (-want +got):\n%s", diff)
	}
}

func TestRuntimeErrorIsolated(t *testing.T) {
	conflict := userRule("conflict", strings.Replace(goodMeta, "USER-001", "USER-BAD", 1),
		`deny contains tf.finding(b, "x") if {
	some b in tf.resources("aws_s3_bucket")
	b.values.tags == value
}

value := 1 if true

value := 2 if true`)
	e := newUserEngine(t, map[string]string{"tags.rego": userRule("tags", goodMeta, denyUntagged), "conflict.rego": conflict})
	results, err := e.Evaluate(context.Background(), []*document.Document{bucketDoc()})
	if err != nil {
		t.Fatal(err)
	}
	r := results[0]
	if len(r.Findings) != 1 || r.Findings[0].RuleID != "USER-001" {
		t.Errorf("the healthy rule's finding is lost: %+v", r.Findings)
	}
	if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "rule USER-BAD (user/conflict.rego)") {
		t.Errorf("errors: %+v", r.Errors)
	}
}

func TestBadFindingShape(t *testing.T) {
	e := newUserEngine(t, map[string]string{"s.rego": userRule("s", goodMeta, `deny contains "just a string" if true`)})
	results, err := e.Evaluate(context.Background(), []*document.Document{bucketDoc()})
	if err != nil {
		t.Fatal(err)
	}
	if len(results[0].Errors) != 1 || !strings.Contains(results[0].Errors[0].Message, "a finding must be an object") {
		t.Errorf("errors: %+v", results[0].Errors)
	}
}

// TestInputMatchesRegoTestingDoc checks that rule tests, which build their
// input with rego/testing.rego, see what the engine gives rules.
func TestInputMatchesRegoTestingDoc(t *testing.T) {
	// Manifests exercising the Kubernetes index: pod-level and container
	// securityContexts with nulls and a non-object, windowsOptions merged
	// field by field, unnamed and non-object containers, Windows by os and
	// by nodeSelector, CronJob and Pod paths, init and ephemeral lists.
	objects := []string{
		`{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api", "namespace": "prod"},
		  "spec": {"replicas": 2, "template": {"metadata": {"labels": {"app": "api"}}, "spec": {
		    "securityContext": {"runAsNonRoot": true, "runAsUser": 1000, "fsGroup": 2000, "seccompProfile": null,
		                        "windowsOptions": {"runAsUserName": "svc", "hostProcess": false}},
		    "initContainers": [{"name": "migrate", "securityContext": {"runAsUser": null, "privileged": true}}],
		    "containers": [
		      {"name": "app", "image": "api:1", "securityContext": {"runAsNonRoot": false, "capabilities": {"drop": ["ALL"]},
		                                                          "windowsOptions": {"hostProcess": true, "gmsaCredentialSpec": null}}},
		      {"image": "sidecar:2", "securityContext": "bad"},
		      "not a container"]}}}}`,
		`{"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "nightly"},
		  "spec": {"jobTemplate": {"spec": {"template": {"spec": {"nodeSelector": {"kubernetes.io/os": "windows"},
		    "containers": [{"name": "job", "securityContext": {"windowsOptions": "odd"}}]}}}}}}`,
		`{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "debug", "namespace": "ops", "labels": {"a": "b"}},
		  "spec": {"os": {"name": "windows"}, "securityContext": null, "containers": [{"name": "shell"}], "ephemeralContainers": [{"name": "dbg"}]}}`,
		`{"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "no-template"}, "spec": {"replicas": 1}}`,
		`{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "api"}}`,
		`{"apiVersion": "serving.knative.dev/v1", "kind": "Service", "metadata": {"name": "hello", "namespace": "fn"},
		  "spec": {"template": {"metadata": {"labels": {"app": "hello"}}, "spec": {"containers": [{"image": "hello:1"}]}}}}`,
		`{"apiVersion": "serving.knative.dev/v1", "kind": "Revision", "metadata": {"name": "hello-00001", "namespace": "fn"},
		  "spec": {"containers": [{"name": "user-container", "image": "hello:1"}]}}`,
		`{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "prod"}}`,
	}
	manifests := []byte(strings.Join(objects, "\n---\n"))
	kube, diags := load.Load(context.Background(), []load.Input{{Name: "test.yaml", Data: manifests}}, load.Options{})
	if len(kube) != 1 || diags.HasErrors() {
		t.Fatalf("loading manifests: %v", diags)
	}
	cfg, diags := load.Load(context.Background(), []load.Input{{Name: "test.json", Data: []byte(`{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`)}}, load.Options{})
	if len(cfg) != 1 || diags.HasErrors() {
		t.Fatalf("loading config: %v", diags)
	}
	tests := []struct {
		name  string
		doc   *document.Document
		loc   document.Location // the location testing.rego gives every resource
		query string
	}{
		{
			name: "terraform",
			doc: &document.Document{Kind: document.Terraform, Source: "test.json", Resources: []document.Resource{
				{ID: "aws_s3_bucket.a", Type: "aws_s3_bucket", Provider: "aws", Values: map[string]any{"bucket": "a"}},
				{ID: "aws_s3_bucket_policy.p", Type: "aws_s3_bucket_policy", Provider: "aws", Refs: map[string][]string{"bucket": {"aws_s3_bucket.a"}}, Unknown: map[string]any{"policy": true}},
				{ID: "data.aws_iam_policy_document.d", Type: "aws_iam_policy_document", Provider: "aws", Mode: document.Data},
			}},
			loc: document.Location{File: "test.json"},
			query: `x := data.soc2scan.lib.testing.doc([
				{"id": "aws_s3_bucket.a", "type": "aws_s3_bucket", "values": {"bucket": "a"}},
				{"id": "aws_s3_bucket_policy.p", "type": "aws_s3_bucket_policy", "refs": {"bucket": ["aws_s3_bucket.a"]}, "unknown": {"policy": true}},
				{"id": "data.aws_iam_policy_document.d", "type": "aws_iam_policy_document", "mode": "data"},
			])`,
		},
		{
			name:  "kubernetes",
			doc:   kube[0],
			loc:   document.Location{File: "test.yaml"},
			query: "x := data.soc2scan.lib.testing.kube([" + strings.Join(objects, ",") + "])",
		},
		{
			name:  "config",
			doc:   cfg[0],
			loc:   document.Location{File: "test.json", Line: 1, Column: 1},
			query: `x := data.soc2scan.lib.testing.config([{"id": "test.json", "type": "iam_policy", "values": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}])`,
		},
	}
	e, err := New(context.Background(), WithoutBuiltins())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for i := range tc.doc.Resources {
				tc.doc.Resources[i].Location = tc.loc
			}
			native, err := inputValue(tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			got := irvm.AST(native)
			rs, err := rego.New(rego.Compiler(e.compiler), rego.Query(tc.query)).Eval(context.Background())
			if err != nil || len(rs) != 1 {
				t.Fatalf("eval: %v, %v", rs, err)
			}
			want, err := ast.InterfaceToValue(rs[0].Bindings["x"])
			if err != nil {
				t.Fatal(err)
			}
			if tc.doc.Kind == document.Terraform { // testing.doc has no format
				got.(ast.Object).Insert(ast.StringTerm("format"), ast.NullTerm())
				want.(ast.Object).Insert(ast.StringTerm("format"), ast.NullTerm())
			}
			if want.Compare(got) != 0 {
				t.Errorf("engine input and testing.rego differ:\nengine: %v\ntesting: %v", got, want)
			}
		})
	}
}
