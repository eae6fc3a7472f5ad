package engine

import (
	"context"
	"errors"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/soc2scan/soc2scan/pkg/engine/internal/irvm"
)

// The rule queries are planned by OPA (the intermediate representation it
// compiles to WebAssembly) and the plans run by irvm, several times faster
// than OPA's tree-walking evaluator on large documents. OPA hands plans to
// evaluators registered as target plugins; this one compiles the plan and
// leaves it in the slot the preparing call put in its context.
const planTarget = "soc2scan.plan"

func init() {
	rego.RegisterPlugin(planTarget, planPlugin{})
}

type planSlot struct{}

type planned struct {
	prog *irvm.Program
}

type planPlugin struct{}

func (planPlugin) IsTarget(t string) bool { return t == planTarget }

func (planPlugin) PrepareForEval(ctx context.Context, p *ir.Policy, _ ...rego.PrepareOption) (rego.TargetPluginEval, error) {
	slot, ok := ctx.Value(planSlot{}).(*planned)
	if !ok {
		return nil, errors.New("the " + planTarget + " target is soc2scan's own")
	}
	prog, err := irvm.Compile(p, Capabilities())
	if err != nil {
		return nil, err
	}
	slot.prog = prog
	return planEval{}, nil
}

// planEval is what OPA keeps of a prepared plan; the engine runs the
// program itself, so OPA's evaluation path is never taken.
type planEval struct{}

func (planEval) Eval(context.Context, *rego.EvalContext, ast.Value) (ast.Value, error) {
	return nil, errors.New("the " + planTarget + " target runs through the engine only")
}

// planQuery plans a query on the compiled rules for irvm; an error when
// irvm does not run what the plan holds.
func planQuery(ctx context.Context, c *ast.Compiler, query string) (*irvm.Program, error) {
	slot := &planned{}
	_, err := rego.New(rego.Query(query), rego.Compiler(c), rego.Target(planTarget)).
		PrepareForEval(context.WithValue(ctx, planSlot{}, slot))
	if err != nil {
		return nil, err
	}
	return slot.prog, nil
}

// planOutput is a rule's output from the values of its deny and unknown
// functions (nil: undefined, or no unknown set).
func planOutput(deny, unknown *ast.Term) ruleOutput {
	var out ruleOutput
	if deny != nil {
		out.deny = deny
	}
	if unknown != nil {
		out.unknown = unknown
	}
	return out
}
