package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/internal/kubegen"
	"github.com/soc2scan/soc2scan/internal/plangen"
	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/load"
)

// TestPlansMatchOPA runs every built-in rule through the plan evaluator and
// through OPA's own on the project's fixtures, generated plans and
// manifests and, when present, the external corpus: findings, checks and
// errors must be identical, to the line.
func TestPlansMatchOPA(t *testing.T) {
	ctx := context.Background()
	planned, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all := make([]int, len(planned.groups))
	for g := range all {
		all[g] = g
	}
	planned.prepareGroups(all)
	for g := range planned.groups {
		if planned.groups[g].prog == nil {
			t.Errorf("rules %v are not planned", planned.rules[planned.groups[g].rules[0]].Package)
		}
	}
	opa, err := New(ctx, func(o *options) { o.topdown = true })
	if err != nil {
		t.Fatal(err)
	}
	inputs := []load.Input{
		{Name: "plan.json", Data: plangen.Generate(500)},
		{Path: filepath.Join("..", "..", "testdata")},
		{Path: filepath.Join("..", "..", "examples")},
		{Path: filepath.Join("..", "scan", "testdata")},
	}
	for _, f := range kubegen.Generate(500) {
		inputs = append(inputs, load.Input{Name: f.Name, Data: f.Data})
	}
	if corpus := filepath.Join("..", "..", "..", "shared", "corpus"); dirExists(corpus) {
		inputs = append(inputs, load.Input{Path: corpus})
	} else {
		t.Log("no external corpus: ../shared/corpus is absent")
	}
	docs, _ := load.Load(ctx, inputs, load.Options{})
	if len(docs) < 30 {
		t.Fatalf("only %d documents loaded", len(docs))
	}
	want, err := opa.Evaluate(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	got, err := planned.Evaluate(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	findings := 0
	for i := range docs {
		findings += len(want[i].Findings)
		if diff := cmp.Diff(want[i], got[i]); diff != "" {
			t.Errorf("%s: plans differ from OPA (-opa +plans):\n%s", docs[i].Source, diff)
		}
	}
	if findings < 1000 {
		t.Errorf("only %d findings: the comparison proves little", findings)
	}
	t.Logf("%d documents, %d findings identical", len(docs), findings)
}

func dirExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// TestPlanFallback: a user rule whose plan irvm does not run (a dynamic
// call into data) is evaluated by OPA, and the other rules of the same
// scan still by plans.
func TestPlanFallback(t *testing.T) {
	const dynamicRule = `deny contains {"resource": b.id, "message": "no tags"} if {
	some b in tf.resources("aws_s3_bucket")
	not b.values.tags
	data.helpers[input.kind].enabled
}`
	e := newUserEngine(t, map[string]string{
		"dynamic.rego": userRule("user.dynamic", goodMeta, dynamicRule),
		"helpers.rego": "package helpers.terraform\n\nenabled := true\n",
		"plain.rego":   userRule("user.plain", strings.Replace(goodMeta, "USER-001", "USER-002", 1), denyUntagged),
	})
	doc := &document.Document{Source: "plan.json", Kind: document.Terraform, Resources: []document.Resource{
		{ID: "aws_s3_bucket.a", Type: "aws_s3_bucket", Values: map[string]any{}},
	}}
	res, err := e.Evaluate(context.Background(), []*document.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range res[0].Findings {
		ids = append(ids, f.RuleID)
	}
	if diff := cmp.Diff([]string{"USER-001", "USER-002"}, ids); diff != "" || len(res[0].Errors) > 0 {
		t.Errorf("findings (-want +got):\n%s\nerrors: %v", diff, res[0].Errors)
	}
	for g := range e.groups {
		pkg := e.rules[e.groups[g].rules[0]].Package
		if planned := e.groups[g].prog != nil; planned != strings.HasSuffix(pkg, "plain") {
			t.Errorf("%s: planned = %v", pkg, planned)
		}
	}
}

var (
	bothOnce       sync.Once
	plannedE, opaE *Engine
	bothErr        error
)

// FuzzPlansMatchOPA loads arbitrary bytes as a manifest, a plan or a config
// file and wants the plan evaluator and OPA's to agree on every finding.
func FuzzPlansMatchOPA(f *testing.F) {
	for _, g := range kubegen.Generate(3) {
		f.Add("manifests.yaml", g.Data)
	}
	f.Add("plan.json", plangen.Generate(5))
	f.Add("policy.json", []byte(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Allow", "NotAction": "s3:*", "Principal": "*", "Resource": "*"}]}`))
	f.Add("pod.yaml", []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: true\n  containers:\n  - name: c\n    image: nginx:latest\n    securityContext: {privileged: true, runAsUser: 0, capabilities: {add: [SYS_ADMIN]}}\n    env: [{name: DB_PASSWORD, value: hunter2}]\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		bothOnce.Do(func() {
			if plannedE, bothErr = New(context.Background()); bothErr == nil {
				opaE, bothErr = New(context.Background(), func(o *options) { o.topdown = true })
			}
		})
		if bothErr != nil {
			t.Fatal(bothErr)
		}
		if !strings.HasSuffix(name, ".json") && !strings.HasSuffix(name, ".yaml") {
			name += ".yaml"
		}
		docs, _ := load.Load(context.Background(), []load.Input{{Name: name, Data: data}}, load.Options{})
		want, err := opaE.Evaluate(context.Background(), docs)
		if err != nil {
			t.Fatal(err)
		}
		got, err := plannedE.Evaluate(context.Background(), docs)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("plans differ from OPA (-opa +plans):\n%s", diff)
		}
	})
}
