package irvm

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
	"github.com/open-policy-agent/opa/v1/rego"
)

// The tests plan queries through OPA's target-plugin interface, as the
// engine does, and compare what the plans compute with OPA's evaluator.
const target = "soc2scan.irvm.test"

type slot struct{ prog *Program }

type plugin struct{}

func (plugin) IsTarget(t string) bool { return t == target }

func (plugin) PrepareForEval(ctx context.Context, p *ir.Policy, _ ...rego.PrepareOption) (rego.TargetPluginEval, error) {
	prog, err := Compile(p, ast.CapabilitiesForThisVersion())
	if err != nil {
		return nil, err
	}
	ctx.Value(slot{}).(*slot).prog = prog
	return nil, nil
}

func init() { rego.RegisterPlugin(target, plugin{}) }

func compile(t *testing.T, modules ...string) *ast.Compiler {
	t.Helper()
	c := ast.NewCompiler()
	mods := map[string]*ast.Module{}
	for i, text := range modules {
		name := fmt.Sprintf("test%d.rego", i)
		m, err := ast.ParseModuleWithOpts(name, text, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		mods[name] = m
	}
	if c.Compile(mods); c.Failed() {
		t.Fatal(c.Errors)
	}
	return c
}

func planned(t *testing.T, c *ast.Compiler, query string) (*Program, error) {
	t.Helper()
	return plannedB(c, query, &slot{})
}

func plannedB(c *ast.Compiler, query string, s *slot) (*Program, error) {
	_, err := rego.New(rego.Query(query), rego.Compiler(c), rego.Target(target)).
		PrepareForEval(context.WithValue(context.Background(), slot{}, s))
	return s.prog, err
}

const module = `package t

import rego.v1

pods := input.pods

privileged contains p.name if {
	some p in pods
	p.security.privileged == true
}

named contains name if {
	some p in pods
	name := object.get(p, "name", "anonymous")
}

by_name[p.name] := count(object.keys(p)) if some p in pods

images := [c.image | some p in pods; some c in p.containers]

ports := {port | some p in pods; some c in p.containers; port := c.ports[_].containerPort}

none_root if {
	every p in pods {
		not p.security.runAsUser == 0
	}
}

kind(p) := "privileged" if {
	p.security.privileged
} else := "root" if {
	p.security.runAsUser == 0
} else := "plain"

kinds := {p.name: kind(p) | some p in pods}

greeting := sprintf("%d pods, first %s", [count(pods), pods[0].name])

leaves contains [path, v] if {
	walk(input.pods[0], [path, v])
	is_string(v)
}

bad_regex if regex.match("(", "x")

doubled := [y | some x in numbers.range(1, 3); y := x * 2]

split_ok := [a, b] if [a, b] = split("a.b", ".")

not_found if not pods[99]

sets := {"a", "b"} | {"c"}

member if "b" in sets

with_input := x if {
	x := count(data.t.pods) with input as {"pods": [1]}
}

with_leaf := names if {
	names := data.t.named with input.pods as [{"name": "mocked"}]
}

get_path := object.get(input.pods[0], ["security", "privileged"], "none")

get_missing := object.get(input.pods[2], ["security", "x", "y"], "default")

get_index := object.get(input, ["pods", 1, "containers", 0, "image"], "none")

get_not_object := object.get(input.pods, "a", 1)

counts := [count(input.pods), count(input.pods[0]), count(input.pods[0].name), count(input.big)]

same_as_literal if input.pods[2] == {"security": {}, "containers": [{"image": "busybox"}]}

same_pods if input.pods == data.t.pods

not_same if input.pods[0] == input.pods[1]

not_literal if input.pods[1] == {"name": "db"}

keys := object.keys(input.pods[0])

marshalled := json.marshal(input.pods[1])

big_values := [v | some k in ["k00", "k17", "k39", "zz", ""]; v := input.big[k]]

big_keys := [k | some k, _ in input.big]

pods_by_index := {i: p.name | some i, p in input.pods; p.name}

types := [
	is_array(input.pods), is_object(input.pods[0]), is_string(input.pods[0]), is_number(input.big),
	is_boolean(input.pods), is_null(input.pods), is_set(input.pods), type_name(input.pods), type_name(input.big),
]

members := [
	{"security": {}, "containers": [{"image": "busybox"}]} in input.pods, "x" in input.pods, 39 in input.big,
	40 in input.big, input.pods[0] in input.pods, [] in input.pods, input.pods in [input.pods],
]

`

const conflicts = `package c

import rego.v1

conflict := x if some x in [1, 2]

f(x) := 1 if x > 0

f(x) := 2 if x > 1

dynamic := data.d[input.pkg].allow
`

const dynamic = `package d.a

import rego.v1

allow := true
`

const input = `{"pods": [
	{"name": "api", "security": {"privileged": true}, "containers": [{"image": "nginx", "ports": [{"containerPort": 80}, {"containerPort": 443}]}]},
	{"name": "db", "security": {"runAsUser": 0}, "containers": [{"image": "postgres:16", "ports": [{"containerPort": 5432}]}]},
	{"security": {}, "containers": [{"image": "busybox"}]}
], "big": {"k39": 39, "k07": 7, "k00": 0, "k17": 17, "k21": 21, "k05": 5, "k33": 33, "k11": 11, "k02": 2, "k28": 28,
	"k14": 14, "k19": 19, "k30": 30, "k01": 1, "k25": 25, "k09": 9, "k36": 36, "k12": 12, "k03": 3, "k38": 38}}`

func TestMatchesOPA(t *testing.T) {
	c := compile(t, module)
	in := ast.MustParseTerm(input)
	for _, q := range []string{
		"x = data.t.privileged", "x = data.t.named", "x = data.t.by_name", "x = data.t.images",
		"x = data.t.ports", "x = data.t.none_root", "x = data.t.kinds", "x = data.t.greeting",
		"x = data.t.leaves", "x = data.t.bad_regex", "x = data.t.doubled", "x = data.t.split_ok",
		"x = data.t.not_found", "x = data.t.sets", "x = data.t.member", "x = data.t.pods[1].name",
		"x = data.t.kind(input.pods[0])", "x = [y | y := data.t.kind(input.pods[_])]",
		"x = data.t.with_input", "x = data.t.with_leaf", "x = data.t",
		"x = data.t.get_path", "x = data.t.get_missing", "x = data.t.get_index", "x = data.t.get_not_object",
		"x = data.t.counts", "x = data.t.same_as_literal", "x = data.t.same_pods", "x = data.t.not_same", "x = data.t.not_literal", "x = data.t.keys",
		"x = data.t.marshalled", "x = data.t.types", "x = data.t.members", "x = data.t.big_values", "x = data.t.big_keys", "x = data.t.pods_by_index",
		"x = input", "x = input.big", "input.pods[i].name = n",
	} {
		t.Run(q, func(t *testing.T) {
			want := opaResults(t, c, q, in)
			prog, err := planned(t, c, q)
			if err != nil {
				t.Fatal(err)
			}
			// The input as OPA's values, and as the engine builds it.
			for _, in := range []*ast.Term{in, native(in)} {
				got, err := prog.Eval(context.Background(), in, nil)
				if err != nil {
					t.Fatal(err)
				}
				if g := ast.NewArray(got...).String(); g != want {
					t.Errorf("plans give %s (input %T)\nOPA gives   %s", g, in.Value, want)
				}
			}
		})
	}
}

// opaResults evaluates the query with OPA and renders its result set as
// plans give it: an array of binding objects.
func opaResults(t *testing.T, c *ast.Compiler, query string, in *ast.Term) string {
	t.Helper()
	pq, err := rego.New(rego.Query(query), rego.Compiler(c)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	asTerm := rego.EvalGenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil })
	rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(in.Value), asTerm)
	if err != nil {
		t.Fatal(err)
	}
	var terms []*ast.Term
	for _, r := range rs {
		obj := ast.NewObject()
		for k, v := range r.Bindings {
			obj.Insert(ast.StringTerm(k), v.(*ast.Term))
		}
		terms = append(terms, ast.NewTerm(obj))
	}
	return ast.NewArray(terms...).String()
}

func TestConflicts(t *testing.T) {
	c := compile(t, module, conflicts)
	in := ast.MustParseTerm(input)
	for _, q := range []string{"x = data.c.conflict", "x = data.c.f(2)"} {
		prog, err := planned(t, c, q)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := prog.Eval(context.Background(), in, nil); err == nil || !strings.Contains(err.Error(), "conflict") {
			t.Errorf("%s: want a conflict error, got %v", q, err)
		}
		if _, err := rego.New(rego.Query(q), rego.Compiler(c), rego.ParsedInput(in.Value)).Eval(context.Background()); err == nil {
			t.Errorf("%s: OPA finds no conflict: the test is wrong", q)
		}
	}
}

func TestUnsupported(t *testing.T) {
	c := compile(t, module, conflicts)
	c = compile(t, module, conflicts, dynamic)
	for _, q := range []string{"x = data.c.dynamic"} {
		if _, err := planned(t, c, q); !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: want ErrUnsupported, got %v", q, err)
		}
	}
}

func TestCancel(t *testing.T) {
	c := compile(t, module)
	prog, err := planned(t, c, "x = data.t.doubled")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	big := make([]*ast.Term, 5000)
	for i := range big {
		big[i] = ast.ObjectTerm(ast.Item(ast.StringTerm("name"), ast.IntNumberTerm(i)))
	}
	in := ast.ObjectTerm(ast.Item(ast.StringTerm("pods"), ast.ArrayTerm(big...)))
	prog2, err := planned(t, c, "x = data.t.named")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := prog2.Eval(ctx, in, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled evaluation returns %v", err)
	}
	if _, err := prog.Eval(context.Background(), in, nil); err != nil {
		t.Error(err)
	}
}

// TestBreakSemantics pins the control flow the planner relies on, as OPA's
// WebAssembly compiler implements it: inside a scan, leaving the block
// goes on with the next element, leaving one more ends the scan, and two
// more leave the block around the scan.
func TestBreakSemantics(t *testing.T) {
	const arr, key, val = ir.Local(2), ir.Local(3), ir.Local(4)
	for _, tc := range []struct {
		levels uint32
		want   string
	}{
		{0, "[1, 2, 3, 4]"}, // each element, then the statement after the scan
		{1, "[1, 4]"},       // the first element ends the scan
		{2, "[1]"},          // the block holding the scan ends
	} {
		p := &ir.Policy{
			Static: &ir.Static{Strings: []*ir.StringConst{{Value: "1"}, {Value: "2"}, {Value: "3"}, {Value: "4"}}},
			Plans: &ir.Plans{Plans: []*ir.Plan{{Name: "p", Blocks: []*ir.Block{{Stmts: []ir.Stmt{
				&ir.MakeArrayStmt{Target: arr},
				&ir.MakeNumberRefStmt{Index: 0, Target: val},
				&ir.ArrayAppendStmt{Array: arr, Value: ir.Operand{Value: val}},
				&ir.MakeNumberRefStmt{Index: 1, Target: val},
				&ir.ArrayAppendStmt{Array: arr, Value: ir.Operand{Value: val}},
				&ir.MakeNumberRefStmt{Index: 2, Target: val},
				&ir.ArrayAppendStmt{Array: arr, Value: ir.Operand{Value: val}},
				&ir.BlockStmt{Blocks: []*ir.Block{{Stmts: []ir.Stmt{
					&ir.ScanStmt{Source: arr, Key: key, Value: val, Block: &ir.Block{Stmts: []ir.Stmt{
						&ir.ResultSetAddStmt{Value: val},
						&ir.BreakStmt{Index: tc.levels},
					}}},
					&ir.MakeNumberRefStmt{Index: 3, Target: val},
					&ir.ResultSetAddStmt{Value: val},
				}}}},
			}}}}}},
			Funcs: &ir.Funcs{},
		}
		prog, err := Compile(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := prog.Eval(context.Background(), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if s := ast.NewArray(got...).String(); s != tc.want {
			t.Errorf("break %d in a scan: got %s, want %s", tc.levels, s, tc.want)
		}
	}
}

// TestBuiltinContext runs built-ins that read the evaluation's context:
// randomness (Seed), the time of the evaluation.
func TestBuiltinContext(t *testing.T) {
	c := compile(t, `package r

import rego.v1

n := rand.intn("x", 10)

same if time.now_ns() == time.now_ns()
`)
	for _, q := range []string{"x = data.r.n", "x = data.r.same"} {
		prog, err := planned(t, c, q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := prog.Eval(context.Background(), ast.ObjectTerm(), nil)
		if err != nil || len(got) != 1 {
			t.Errorf("%s: %v %v", q, got, err)
		}
	}
}

// native converts t's objects with string keys and its arrays, deeply,
// into Objects and Arrays, as the engine builds its rule input.
func native(t *ast.Term) *ast.Term {
	switch v := t.Value.(type) {
	case ast.Object:
		items := make([][2]*ast.Term, 0, v.Len())
		strs := true
		v.Foreach(func(k, e *ast.Term) {
			_, ok := k.Value.(ast.String)
			strs = strs && ok
			items = append(items, [2]*ast.Term{k, native(e)})
		})
		if strs {
			return ast.NewTerm(NewObject(items))
		}
	case *ast.Array:
		elems := make([]*ast.Term, v.Len())
		for i := range elems {
			elems[i] = native(v.Elem(i))
		}
		return ast.NewTerm(NewArray(elems))
	}
	return t
}

// TestObject: lookups by scan and by search, order, and the last of
// duplicate keys standing, as with ast.Object.
func TestObject(t *testing.T) {
	for _, n := range []int{0, 1, linearMax, linearMax + 1, 100} {
		items := make([][2]*ast.Term, n)
		want := ast.NewObject()
		for i := range n {
			k := ast.StringTerm(fmt.Sprintf("k%03d", (i*37)%n))
			items[i] = [2]*ast.Term{k, ast.InternedTerm(i)}
			want.Insert(k, ast.InternedTerm(i))
		}
		o := NewObject(items)
		if got := AST(o); got.Compare(want) != 0 || o.Len() != want.Len() {
			t.Errorf("%d keys: %v, want %v", n, got, want)
		}
		want.Foreach(func(k, v *ast.Term) {
			if got := o.Get(string(k.Value.(ast.String))); got != v {
				t.Errorf("%d keys: Get(%v) = %v, want %v", n, k, got, v)
			}
		})
		if o.Get("absent") != nil || o.get(ast.InternedTerm(1)) != nil {
			t.Errorf("%d keys: found an absent key", n)
		}
	}
	a, b := ast.StringTerm("a"), ast.StringTerm("b")
	o := NewObject([][2]*ast.Term{{b, ast.InternedTerm(1)}, {a, ast.InternedTerm(2)}, {b, ast.InternedTerm(3)}, {ast.StringTerm("b"), ast.InternedTerm(4)}})
	if got, want := AST(o).String(), `{"a": 2, "b": 4}`; got != want || o.Len() != 2 {
		t.Errorf("duplicate keys: %s, want %s", got, want)
	}
}

// TestInt: the integer terms are right, and those of indexes shared.
func TestInt(t *testing.T) {
	for _, i := range []int{-1, 0, 511, 512, 4095, 4096, 8191, 8192, 20000, 1 << 30} {
		if n, ok := Int(i).Value.(ast.Number).Int(); !ok || n != i {
			t.Errorf("Int(%d) = %v", i, Int(i))
		}
	}
	// Counting up, as a scan of an array does, every index is shared.
	for i := range 20000 {
		if Int(i) != Int(i) {
			t.Fatalf("Int(%d) is not shared", i)
		}
	}
	// A large integer out of the blue (a line number) is not.
	if Int(5_000_000) == Int(5_000_000) {
		t.Error("Int(5,000,000) is shared")
	}
}
