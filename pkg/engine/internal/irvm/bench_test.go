package irvm

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// BenchmarkCosts measures what the forms of a rule body cost per element
// of a 100,000-element input (ns/element), the figures CONTRIBUTING.md
// quotes: a bare iteration with a failing test, a built-in call, a call
// of a Rego function, and a finding built for every element; the same
// queries by OPA's evaluator under <form>/opa.
func BenchmarkCosts(b *testing.B) {
	const costs = `package costs

import rego.v1

iterate contains x if {
	some x in input.items
	x.a == 2
}

builtin contains x if {
	some x in input.items
	concat("", [x.s, "y"]) == "z"
}

f(x) := x.a

function contains x if {
	some x in input.items
	f(x) == 2
}

finding contains {"resource": x.s, "message": concat(" ", [x.s, "fails"]), "path": ["a"]} if {
	some x in input.items
	x.a == 1
}
`
	c := ast.NewCompiler()
	m := ast.MustParseModuleWithOpts(costs, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if c.Compile(map[string]*ast.Module{"costs.rego": m}); c.Failed() {
		b.Fatal(c.Errors)
	}
	items := make([]*ast.Term, 100_000)
	for i := range items {
		items[i] = ast.ObjectTerm(ast.Item(ast.StringTerm("a"), ast.IntNumberTerm(1)), ast.Item(ast.StringTerm("s"), ast.StringTerm("name")))
	}
	in := ast.ObjectTerm(ast.Item(ast.StringTerm("items"), ast.ArrayTerm(items...)))
	for _, rule := range []string{"iterate", "builtin", "function", "finding"} {
		// The input as OPA's values, and as the engine builds it (Object).
		for name, in := range map[string]*ast.Term{"": in, "/objects": native(in)} {
			b.Run(rule+name, func(b *testing.B) {
				s := &slot{}
				prog, err := plannedB(c, "x = data.costs."+rule, s)
				if err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					if _, err := prog.Eval(context.Background(), in, nil); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)), "ns/element")
			})
		}
		b.Run(rule+"/opa", func(b *testing.B) {
			pq, err := rego.New(rego.Query("x = data.costs."+rule), rego.Compiler(c)).PrepareForEval(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.Value)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)), "ns/element")
		})
	}
}
