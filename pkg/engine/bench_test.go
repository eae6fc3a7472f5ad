package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/soc2scan/soc2scan/internal/kubegen"
	"github.com/soc2scan/soc2scan/internal/plangen"
	"github.com/soc2scan/soc2scan/pkg/engine/internal/irvm"
	"github.com/soc2scan/soc2scan/pkg/load"
)

// BenchmarkRule evaluates each built-in rule alone on a generated document
// of its platform (2,000 workloads, or a 2,000-resource plan): the figure
// to watch when writing or changing a rule, e.g.
// go test -run '^$' -bench 'Rule/K8S-POD' ./pkg/engine/
func BenchmarkRule(b *testing.B) {
	ctx := context.Background()
	files := kubegen.Generate(2000)
	inputs := []load.Input{{Name: "plan.json", Data: plangen.Generate(2000)}}
	for _, f := range files {
		inputs = append(inputs, load.Input{Name: f.Name, Data: f.Data})
	}
	docs, diags := load.Load(ctx, inputs, load.Options{})
	if len(docs) != 2 || diags.HasErrors() {
		b.Fatalf("%d documents, %v", len(docs), diags)
	}
	e, err := New(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, doc := range docs {
		input, err := inputValue(doc)
		if err != nil {
			b.Fatal(err)
		}
		for i, r := range e.rules {
			q, err := e.ruleQueryFor(ctx, i)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(r.ID+"/"+string(doc.Kind), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := q.Eval(ctx, rego.EvalParsedInput(irvm.AST(input)), asTerm); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
