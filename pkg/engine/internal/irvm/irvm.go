// Package irvm runs the plans OPA's planner makes of Rego queries (package
// ir, the intermediate representation OPA compiles to WebAssembly), on
// OPA's own values and built-in functions.
//
// OPA's tree-walking evaluator unifies terms through binding lists for
// every step of a rule body; a plan is the same query lowered to loops,
// lookups and comparisons over local variables. Running it directly costs
// a fraction per step, which is what a scan of ten thousand Kubernetes
// workloads against thirty container rules is made of. The semantics are
// those of OPA's WebAssembly compiler (internal/compiler/wasm), statement
// by statement; built-in functions are OPA's own implementations, called
// as OPA's evaluator calls them, so their results are identical.
//
// The caller may build the input of Objects and Arrays (see Object), which
// plans look up several times faster than OPA's objects; they are
// converted to OPA's values wherever they reach OPA's code.
//
// Compile refuses plans with statements this machine does not run (dynamic
// calls into data, as data.pkgs[input.name].allow plans) or built-ins
// without an implementation; the caller then evaluates those queries with
// OPA. TestConformance holds it to OPA's own suite of evaluation cases.
package irvm

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
	"github.com/open-policy-agent/opa/v1/metrics"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
)

// known holds one term for each string constant of the compiled plans.
// An object whose keys are these very terms (Key) is looked up by pointer
// comparison: in a large input, comparing the key strings and reading the
// key terms was a third of the time of every lookup.
var (
	known   atomic.Pointer[map[string]*ast.Term]
	knownMu sync.Mutex
)

// Key returns the term plans use for the string s, nil when no compiled
// plan holds it (no rule looks a key s up).
func Key(s string) *ast.Term {
	if m := known.Load(); m != nil {
		return (*m)[s]
	}
	return nil
}

// intern returns the terms for strs, adding those not yet known.
func intern(strs []string) []*ast.Term {
	knownMu.Lock()
	defer knownMu.Unlock()
	var m map[string]*ast.Term
	if cur := known.Load(); cur != nil {
		m = *cur
	}
	out := make([]*ast.Term, len(strs))
	var added map[string]*ast.Term
	for i, s := range strs {
		if t, ok := m[s]; ok {
			out[i] = t
			continue
		}
		if t, ok := added[s]; ok {
			out[i] = t
			continue
		}
		if added == nil {
			added = map[string]*ast.Term{}
		}
		out[i] = ast.StringTerm(s)
		added[s] = out[i]
	}
	if len(added) > 0 {
		next := make(map[string]*ast.Term, len(m)+len(added))
		for k, v := range m {
			next[k] = v
		}
		for k, v := range added {
			next[k] = v
		}
		known.Store(&next)
	}
	return out
}

// Program is a compiled plan. It is safe for concurrent use.
type Program struct {
	plan   *function
	funcs  []*function
	byPath map[string]int // functions by the data path of their rule
	caps   *ast.Capabilities
}

type opcode uint8

const (
	opNop opcode = iota
	opReturn
	opCall
	opBuiltin
	opBlock
	opBreak
	opDot
	opLen
	opScan
	opNot
	opAssignInt
	opAssignVar
	opAssignVarOnce
	opResetLocal
	opConst // a constant into a local: MakeNull, MakeNumberInt, MakeNumberRef
	opMakeArray
	opMakeObject
	opMakeSet
	opEqual
	opNotEqual
	opIsArray
	opIsObject
	opIsSet
	opIsDefined
	opIsUndefined
	opArrayAppend
	opObjectInsert
	opObjectInsertOnce
	opSetAdd
	opResultSetAdd
	opObjectMerge
	opWith
	opArrayOf  // MakeArray and the appends right after it: args
	opObjectOf // MakeObject and the inserts of constant keys right after it: keys, args
)

// operand is a local variable or, when term is set, a constant.
type operand struct {
	local int32
	term  *ast.Term
}

type block struct {
	stmts []stmt
}

type stmt struct {
	op     opcode
	a, b   operand // sources: DotStmt source and key, EqualStmt a and b ...
	target int32   // the local written; the collection of Array/Object/SetAdd
	key    int32   // ScanStmt
	value  int32   // ScanStmt
	index  int     // BreakStmt levels, MakeArray capacity
	term   *ast.Term
	args   []operand
	fn     *function
	bi     *builtin
	blocks []block     // BlockStmt
	body   *block      // ScanStmt, NotStmt, WithStmt
	path   []*ast.Term // WithStmt: the keys below the local it replaces; opObjectOf: the keys
	loc    *ir.Location
}

type function struct {
	name   string
	params []int32
	ret    int32
	locals int
	blocks []block
	memo   bool // a rule (input and data only): evaluated once per Eval
	index  int
}

type builtin struct {
	f        topdown.BuiltinFunc
	onInput  func(args []*ast.Term) (*ast.Term, bool) // see onInput
	arity    int
	relation bool
	void     bool
}

// ErrUnsupported wraps the reasons Compile refuses a plan.
var ErrUnsupported = errors.New("unsupported by the plan evaluator")

// Compile prepares a planned policy for evaluation. Its first plan is the
// one Eval runs.
func Compile(p *ir.Policy, caps *ast.Capabilities) (*Program, error) {
	if p.Plans == nil || len(p.Plans.Plans) == 0 {
		return nil, fmt.Errorf("%w: no plan", ErrUnsupported)
	}
	static := p.Static
	if static == nil {
		static = &ir.Static{}
	}
	c := compiler{funcs: map[string]*function{}, builtins: map[string]*builtin{}}
	strs := make([]string, len(static.Strings))
	for i, s := range static.Strings {
		strs[i] = s.Value
	}
	c.strings = intern(strs)
	for _, b := range static.BuiltinFuncs {
		impl := topdown.GetBuiltin(b.Name)
		decl := ast.BuiltinMap[b.Name]
		if impl == nil || decl == nil {
			return nil, fmt.Errorf("%w: built-in %s", ErrUnsupported, b.Name)
		}
		c.builtins[b.Name] = &builtin{onInput: onInput[b.Name],
			f:        impl,
			arity:    len(decl.Decl.FuncArgs().Args),
			relation: decl.Relation,
			void:     decl.Decl.Result() == nil,
		}
	}
	prog := &Program{caps: caps, byPath: map[string]int{}}
	if p.Funcs != nil {
		for i, f := range p.Funcs.Funcs {
			if len(f.Path) > 1 {
				prog.byPath[strings.Join(f.Path[1:], ".")] = i
			}
			fn := &function{name: f.Name, ret: int32(f.Return), memo: len(f.Params) == 2, index: i}
			for _, l := range f.Params {
				fn.params = append(fn.params, int32(l))
			}
			c.funcs[f.Name] = fn
			prog.funcs = append(prog.funcs, fn)
		}
	}
	for _, fn := range prog.funcs {
		c.max = int(fn.ret)
		for _, l := range fn.params {
			c.max = max(c.max, int(l))
		}
		blocks, err := c.blocks(p.Funcs.Funcs[fn.index].Blocks)
		if err != nil {
			return nil, fmt.Errorf("function %s: %w", fn.name, err)
		}
		fn.blocks, fn.locals = blocks, c.max+1
	}
	plan := p.Plans.Plans[0]
	c.max = int(ir.Data)
	blocks, err := c.blocks(plan.Blocks)
	if err != nil {
		return nil, fmt.Errorf("plan %s: %w", plan.Name, err)
	}
	prog.plan = &function{name: plan.Name, blocks: blocks, locals: c.max + 1, index: -1}
	return prog, nil
}

type compiler struct {
	funcs    map[string]*function
	builtins map[string]*builtin
	strings  []*ast.Term
	max      int // the highest local of the function being compiled
}

func (c *compiler) local(l ir.Local) int32 {
	c.max = max(c.max, int(l))
	return int32(l)
}

func (c *compiler) operand(o ir.Operand) (operand, error) {
	switch v := o.Value.(type) {
	case ir.Local:
		return operand{local: c.local(v)}, nil
	case ir.StringIndex:
		if int(v) >= len(c.strings) {
			return operand{}, fmt.Errorf("string constant %d out of range", v)
		}
		return operand{local: -1, term: c.strings[v]}, nil
	case ir.Bool:
		return operand{local: -1, term: ast.InternedTerm(bool(v))}, nil
	}
	return operand{}, fmt.Errorf("%w: operand %v", ErrUnsupported, o.Value)
}

func (c *compiler) blocks(bs []*ir.Block) ([]block, error) {
	out := make([]block, len(bs))
	for i, b := range bs {
		if err := c.block(b, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (c *compiler) block(b *ir.Block, out *block) error {
	out.stmts = make([]stmt, 0, len(b.Stmts))
	for _, s := range b.Stmts {
		st, err := c.stmt(s)
		if err != nil {
			return err
		}
		st.loc = s.GetLocation()
		out.stmts = append(out.stmts, st)
	}
	out.stmts = literals(out.stmts)
	return nil
}

// literals fuses the statements that build an array or object literal —
// a Make statement and the appends or inserts right after it — into one
// that builds the value whole: OPA's arrays copy themselves at every
// append, and objects built whole lie in one block of memory. An object
// is fused only when its keys are distinct constants.
func literals(stmts []stmt) []stmt {
	out := stmts[:0]
	for i := 0; i < len(stmts); i++ {
		st := stmts[i]
		switch st.op {
		case opMakeArray:
			j := i + 1
			for j < len(stmts) && stmts[j].op == opArrayAppend && stmts[j].target == st.target && stmts[j].a.local != st.target {
				st.args = append(st.args, stmts[j].a)
				j++
			}
			if j > i+1 {
				st.op, i = opArrayOf, j-1
			}
		case opMakeObject:
			seen := map[string]bool{}
			j := i + 1
			for ; j < len(stmts); j++ {
				ins := stmts[j]
				if ins.op != opObjectInsert || ins.target != st.target || ins.b.local == st.target || ins.a.term == nil {
					break
				}
				k, ok := ins.a.term.Value.(ast.String)
				if !ok || seen[string(k)] {
					break
				}
				seen[string(k)] = true
				st.path, st.args = append(st.path, ins.a.term), append(st.args, ins.b)
			}
			if j > i+1 {
				st.op, i = opObjectOf, j-1
			} else {
				st.path, st.args = nil, nil
			}
		}
		out = append(out, st)
	}
	return out
}

func (c *compiler) stmt(s ir.Stmt) (stmt, error) {
	var err error
	ops := func(dst *operand, o ir.Operand) {
		if err == nil {
			*dst, err = c.operand(o)
		}
	}
	var st stmt
	switch s := s.(type) {
	case *ir.NopStmt:
		st.op = opNop
	case *ir.ReturnLocalStmt:
		st.op, st.target = opReturn, c.local(s.Source)
	case *ir.CallStmt:
		st.target = c.local(s.Result)
		st.args = make([]operand, len(s.Args))
		for i := range s.Args {
			ops(&st.args[i], s.Args[i])
		}
		if fn, ok := c.funcs[s.Func]; ok {
			st.op, st.fn = opCall, fn
			if len(st.args) != len(fn.params) {
				return st, fmt.Errorf("call of %s with %d arguments for %d parameters", s.Func, len(st.args), len(fn.params))
			}
		} else if bi, ok := c.builtins[s.Func]; ok {
			st.op, st.bi = opBuiltin, bi
		} else {
			return st, fmt.Errorf("%w: call of %s", ErrUnsupported, s.Func)
		}
	case *ir.BlockStmt:
		st.op = opBlock
		st.blocks, err = c.blocks(s.Blocks)
	case *ir.BreakStmt:
		st.op, st.index = opBreak, int(s.Index)
	case *ir.DotStmt:
		st.op, st.target = opDot, c.local(s.Target)
		ops(&st.a, s.Source)
		ops(&st.b, s.Key)
	case *ir.LenStmt:
		st.op, st.target = opLen, c.local(s.Target)
		ops(&st.a, s.Source)
	case *ir.ScanStmt:
		st.op = opScan
		st.a = operand{local: c.local(s.Source)}
		st.key, st.value = c.local(s.Key), c.local(s.Value)
		st.body = &block{}
		err = c.block(s.Block, st.body)
	case *ir.NotStmt:
		st.op, st.body = opNot, &block{}
		err = c.block(s.Block, st.body)
	case *ir.AssignIntStmt:
		st.op, st.target, st.term = opAssignInt, c.local(s.Target), ast.InternedTerm(s.Value)
	case *ir.AssignVarStmt:
		st.op, st.target = opAssignVar, c.local(s.Target)
		ops(&st.a, s.Source)
	case *ir.AssignVarOnceStmt:
		st.op, st.target = opAssignVarOnce, c.local(s.Target)
		ops(&st.a, s.Source)
	case *ir.ResetLocalStmt:
		st.op, st.target = opResetLocal, c.local(s.Target)
	case *ir.MakeNullStmt:
		st.op, st.target, st.term = opConst, c.local(s.Target), ast.InternedNullTerm
	case *ir.MakeNumberIntStmt:
		st.op, st.target, st.term = opConst, c.local(s.Target), ast.InternedTerm(s.Value)
	case *ir.MakeNumberRefStmt:
		if s.Index < 0 || s.Index >= len(c.strings) {
			return st, fmt.Errorf("number constant %d out of range", s.Index)
		}
		st.op, st.target = opConst, c.local(s.Target)
		st.term = ast.NewTerm(ast.Number(c.strings[s.Index].Value.(ast.String)))
	case *ir.MakeArrayStmt:
		st.op, st.target, st.index = opMakeArray, c.local(s.Target), int(s.Capacity)
	case *ir.MakeObjectStmt:
		st.op, st.target = opMakeObject, c.local(s.Target)
	case *ir.MakeSetStmt:
		st.op, st.target = opMakeSet, c.local(s.Target)
	case *ir.EqualStmt:
		st.op = opEqual
		ops(&st.a, s.A)
		ops(&st.b, s.B)
	case *ir.NotEqualStmt:
		st.op = opNotEqual
		ops(&st.a, s.A)
		ops(&st.b, s.B)
	case *ir.IsArrayStmt:
		st.op = opIsArray
		ops(&st.a, s.Source)
	case *ir.IsObjectStmt:
		st.op = opIsObject
		ops(&st.a, s.Source)
	case *ir.IsSetStmt:
		st.op = opIsSet
		ops(&st.a, s.Source)
	case *ir.IsDefinedStmt:
		st.op, st.a = opIsDefined, operand{local: c.local(s.Source)}
	case *ir.IsUndefinedStmt:
		st.op, st.a = opIsUndefined, operand{local: c.local(s.Source)}
	case *ir.ArrayAppendStmt:
		st.op, st.target = opArrayAppend, c.local(s.Array)
		ops(&st.a, s.Value)
	case *ir.ObjectInsertStmt:
		st.op, st.target = opObjectInsert, c.local(s.Object)
		ops(&st.a, s.Key)
		ops(&st.b, s.Value)
	case *ir.ObjectInsertOnceStmt:
		st.op, st.target = opObjectInsertOnce, c.local(s.Object)
		ops(&st.a, s.Key)
		ops(&st.b, s.Value)
	case *ir.SetAddStmt:
		st.op, st.target = opSetAdd, c.local(s.Set)
		ops(&st.a, s.Value)
	case *ir.ResultSetAddStmt:
		st.op, st.a = opResultSetAdd, operand{local: c.local(s.Value)}
	case *ir.ObjectMergeStmt:
		st.op, st.target = opObjectMerge, c.local(s.Target)
		st.a, st.b = operand{local: c.local(s.A)}, operand{local: c.local(s.B)}
	case *ir.WithStmt:
		st.op, st.target = opWith, c.local(s.Local)
		ops(&st.a, s.Value)
		for _, i := range s.Path {
			if i < 0 || i >= len(c.strings) {
				return st, fmt.Errorf("with path string %d out of range", i)
			}
			st.path = append(st.path, c.strings[i])
		}
		st.body = &block{}
		if err == nil {
			err = c.block(s.Block, st.body)
		}
	default:
		return st, fmt.Errorf("%w: statement %T", ErrUnsupported, s)
	}
	return st, err
}

// Func returns the number of the function that computes the rule at a
// data path ("soc2scan.rules.k8s.privileged.deny"), for Call.
func (p *Program) Func(path string) (int, bool) {
	i, ok := p.byPath[path]
	return i, ok && len(p.funcs[i].params) == 2
}

// Eval runs the plan on an input (nil: no input) and a data document (nil:
// empty) and returns the values it added to the result set.
func (p *Program) Eval(ctx context.Context, input, data *ast.Term) (_ []*ast.Term, err error) {
	defer recoverPanic(&err)
	m := p.machine(ctx)
	if data != nil {
		m.data = data
	}
	locals := m.frame(p.plan.locals)
	locals[ir.Input], locals[ir.Data] = input, m.data
	for i := range p.plan.blocks {
		if r := m.run(&p.plan.blocks[i], locals); r == abort {
			return nil, m.err
		}
	}
	for i, t := range m.results {
		m.results[i] = plain(t)
	}
	return m.results, nil
}

// Call evaluates the rules that functions fns (of Func; -1 for none)
// compute on an input, sharing the rules they depend on, and returns their
// values (nil for undefined or none).
func (p *Program) Call(ctx context.Context, input *ast.Term, fns []int) (_ []*ast.Term, err error) {
	defer recoverPanic(&err)
	m := p.machine(ctx)
	locals := []*ast.Term{input, m.data}
	args := []operand{{local: int32(ir.Input)}, {local: int32(ir.Data)}}
	out := make([]*ast.Term, len(fns))
	for i, f := range fns {
		if f < 0 {
			continue
		}
		t, ok := m.call(p.funcs[f], args, locals)
		if !ok {
			return nil, m.err
		}
		out[i] = plain(t)
	}
	return out, nil
}

// recoverPanic turns a panic of a built-in implementation into an error:
// the caller evaluates the rules another way, or reports the error, and
// the other rules and documents of a scan are not lost.
func recoverPanic(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("plan evaluation failed: %v", r)
	}
}

func (p *Program) machine(ctx context.Context) *machine {
	m := &machine{
		ctx:  ctx,
		memo: make([]*ast.Term, len(p.funcs)),
		done: make([]bool, len(p.funcs)),
		bctx: topdown.BuiltinContext{
			Context:      ctx,
			Metrics:      metrics.New(),
			Seed:         rand.Reader,
			Time:         ast.UIntNumberTerm(uint64(time.Now().UnixNano())),
			Cache:        builtins.Cache{},
			Capabilities: p.caps,
		},
		stack: make([]*ast.Term, 0, 1024),
		data:  ast.NewTerm(ast.NewObject()),
	}
	m.onOutput = m.output
	return m
}

// Results of running a block: it ran to its end, or a statement was
// undefined or a break left it (0 leaves the block itself, n its n-th
// enclosing block); or the function returned, or evaluation stopped with
// an error.
const (
	ended    = -1
	returned = -2
	abort    = -3
)

type machine struct {
	ctx      context.Context
	data     *ast.Term
	bctx     topdown.BuiltinContext
	memo     []*ast.Term
	done     []bool
	stack    []*ast.Term
	ret      *ast.Term
	results  []*ast.Term
	err      error
	out      *ast.Term
	outs     []*ast.Term
	relation bool
	onOutput func(*ast.Term) error
	steps    int
}

// frame returns n cleared locals on the stack; release gives them back.
func (m *machine) frame(n int) []*ast.Term {
	top := len(m.stack)
	if cap(m.stack)-top < n {
		grown := make([]*ast.Term, top, 2*cap(m.stack)+n)
		copy(grown, m.stack)
		m.stack = grown
	}
	m.stack = m.stack[:top+n]
	l := m.stack[top : top+n : top+n]
	clear(l)
	return l
}

func (m *machine) release(n int) {
	m.stack = m.stack[:len(m.stack)-n]
}

func (m *machine) fail(loc *ir.Location, format string, args ...any) int {
	msg := fmt.Sprintf(format, args...)
	if loc != nil && loc.Text != nil {
		msg = fmt.Sprintf("%s (at %s:%d)", msg, loc.Text, loc.Row)
	}
	m.err = errors.New(msg)
	return abort
}

func (m *machine) get(o operand, l []*ast.Term) *ast.Term {
	if o.term != nil {
		return o.term
	}
	return l[o.local]
}

// call runs a planned function; nil is undefined.
func (m *machine) call(fn *function, args []operand, caller []*ast.Term) (*ast.Term, bool) {
	if fn.memo && m.done[fn.index] {
		return m.memo[fn.index], true
	}
	l := m.frame(fn.locals)
	for i, p := range fn.params {
		l[p] = m.get(args[i], caller)
	}
	var result *ast.Term
	for i := range fn.blocks {
		r := m.run(&fn.blocks[i], l)
		if r == abort {
			m.release(fn.locals)
			return nil, false
		}
		if r == returned {
			result = m.ret
			break
		}
	}
	m.release(fn.locals)
	if fn.memo {
		m.memo[fn.index], m.done[fn.index] = result, true
	}
	return result, true
}

func (m *machine) output(t *ast.Term) error {
	if m.relation {
		m.outs = append(m.outs, t)
	} else if m.out == nil {
		m.out = t
	}
	return nil
}

// builtin calls a built-in function as OPA's evaluator does: errors other
// than a halt make the call undefined.
func (m *machine) builtin(s *stmt, l []*ast.Term) (*ast.Term, bool) {
	bi := s.bi
	// A fresh slice each call, as OPA's evaluator passes: a built-in may
	// keep its operands (in the array it returns, say).
	args := make([]*ast.Term, 0, len(s.args))
	native := false
	for _, a := range s.args {
		t := m.get(a, l)
		if t == nil {
			return nil, true
		}
		native = native || isNative(t.Value)
		args = append(args, t)
	}
	if native {
		if bi.onInput != nil && len(args) == bi.arity {
			if t, ok := bi.onInput(args); ok {
				return t, true
			}
		}
		for i, t := range args {
			args[i] = plain(t)
		}
	}
	if !bi.void && len(args) > bi.arity {
		args = args[:bi.arity]
	}
	m.out, m.outs, m.relation = nil, m.outs[:0], bi.relation
	err := bi.f(m.bctx, args, m.onOutput)
	if err != nil {
		var halt topdown.Halt
		if errors.As(err, &halt) {
			m.err = halt.Err
			return nil, false
		}
		return nil, true
	}
	switch {
	case bi.relation:
		return ast.ArrayTerm(append([]*ast.Term(nil), m.outs...)...), true
	case bi.void:
		return ast.InternedTerm(true), true
	}
	return m.out, true
}

// run executes a block's statements; see ended, returned and abort for
// what it returns.
func (m *machine) run(b *block, l []*ast.Term) int {
	for i := range b.stmts {
		s := &b.stmts[i]
		switch s.op {
		case opNop:
		case opReturn:
			m.ret = l[s.target]
			return returned
		case opCall:
			t, ok := m.call(s.fn, s.args, l)
			if !ok {
				return abort
			}
			if t == nil {
				return 0
			}
			l[s.target] = t
		case opBuiltin:
			t, ok := m.builtin(s, l)
			if !ok {
				return abort
			}
			if t == nil {
				return 0
			}
			l[s.target] = t
		case opBlock:
			for j := range s.blocks {
				r := m.run(&s.blocks[j], l)
				if r > 0 {
					return r - 1
				}
				if r < ended {
					return r
				}
			}
		case opBreak:
			return s.index
		case opDot:
			src, key := m.get(s.a, l), m.get(s.b, l)
			if src == nil || key == nil {
				return 0
			}
			v := dot(src.Value, key)
			if v == nil {
				return 0
			}
			l[s.target] = v
		case opLen:
			src := m.get(s.a, l)
			if src == nil {
				return 0
			}
			l[s.target] = Int(length(src.Value))
		case opScan:
			if r := m.scan(s, l); r != ended {
				return r
			}
		case opNot:
			switch r := m.run(s.body, l); {
			case r == ended:
				return 0
			case r > 0:
				return r - 1
			case r < ended:
				return r
			}
		case opAssignInt, opConst:
			l[s.target] = s.term
		case opAssignVar:
			l[s.target] = m.get(s.a, l)
		case opAssignVarOnce:
			v := m.get(s.a, l)
			if cur := l[s.target]; cur != nil && v != nil && !equal(cur, v) {
				return m.fail(s.loc, "eval_conflict_error: complete rules must not produce multiple outputs")
			}
			l[s.target] = v
		case opResetLocal:
			l[s.target] = nil
		case opMakeArray:
			l[s.target] = ast.NewTerm(ast.NewArrayWithCapacity(s.index))
		case opMakeObject:
			l[s.target] = ast.NewTerm(ast.NewObject())
		case opMakeSet:
			l[s.target] = ast.NewTerm(ast.NewSet())
		case opEqual, opNotEqual:
			a, b := m.get(s.a, l), m.get(s.b, l)
			if a == nil || b == nil || equal(a, b) != (s.op == opEqual) {
				return 0
			}
		case opIsArray:
			if t := m.get(s.a, l); t == nil || !isArray(t.Value) {
				return 0
			}
		case opIsObject:
			if t := m.get(s.a, l); t == nil || !isObject(t.Value) {
				return 0
			}
		case opIsSet:
			if t := m.get(s.a, l); t == nil || !isSet(t.Value) {
				return 0
			}
		case opIsDefined:
			if l[s.a.local] == nil {
				return 0
			}
		case opIsUndefined:
			if l[s.a.local] != nil {
				return 0
			}
		case opArrayAppend:
			arr, v := l[s.target], m.get(s.a, l)
			a, ok := termValue[*ast.Array](arr)
			if !ok || v == nil {
				return m.fail(s.loc, "internal error: array append to %v", arr)
			}
			l[s.target] = ast.NewTerm(a.Append(plain(v)))
		case opObjectInsert, opObjectInsertOnce:
			obj, k, v := l[s.target], m.get(s.a, l), m.get(s.b, l)
			o, ok := termValue[ast.Object](obj)
			if !ok || k == nil || v == nil {
				return m.fail(s.loc, "internal error: object insert into %v", obj)
			}
			if s.op == opObjectInsertOnce {
				if cur := o.Get(plain(k)); cur != nil && !equal(cur, v) {
					return m.fail(s.loc, "eval_conflict_error: object keys must be unique")
				}
			}
			o.Insert(plain(k), plain(v))
		case opSetAdd:
			set, v := l[s.target], m.get(s.a, l)
			st, ok := termValue[ast.Set](set)
			if !ok || v == nil {
				return m.fail(s.loc, "internal error: set add to %v", set)
			}
			st.Add(plain(v))
		case opResultSetAdd:
			if v := l[s.a.local]; v != nil {
				m.results = append(m.results, v)
			}
		case opArrayOf:
			terms := make([]*ast.Term, len(s.args))
			for i, a := range s.args {
				if terms[i] = plain(m.get(a, l)); terms[i] == nil {
					return m.fail(s.loc, "internal error: undefined array element")
				}
			}
			l[s.target] = ast.ArrayTerm(terms...)
		case opObjectOf:
			items := make([][2]*ast.Term, len(s.args))
			for i, a := range s.args {
				v := plain(m.get(a, l))
				if v == nil {
					return m.fail(s.loc, "internal error: undefined object value")
				}
				items[i] = [2]*ast.Term{s.path[i], v}
			}
			l[s.target] = ast.ObjectTerm(items...)
		case opObjectMerge:
			a, aok := termValue[ast.Object](plain(l[s.a.local]))
			b, bok := termValue[ast.Object](plain(l[s.b.local]))
			if !aok || !bok {
				return m.fail(s.loc, "eval_conflict_error: object merge of a non-object")
			}
			l[s.target] = ast.NewTerm(merge(a, b))
		case opWith:
			if r := m.with(s, l); r != ended {
				return r
			}
		}
	}
	return ended
}

// with runs a WithStmt's block with a local (input or data) replaced, or a
// value put at a path below it, and the rules evaluated afresh: memoised
// values computed outside do not hold inside, nor those inside after.
func (m *machine) with(s *stmt, l []*ast.Term) int {
	// The planner restores a replaced input with a with statement of its
	// saved value, which is undefined when there is no input.
	v := m.get(s.a, l)
	if v == nil && len(s.path) > 0 {
		return 0
	}
	saved, memo, done := l[s.target], m.memo, m.done
	l[s.target] = upsert(saved, s.path, v)
	m.memo, m.done = make([]*ast.Term, len(memo)), make([]bool, len(done))
	r := m.run(s.body, l)
	l[s.target], m.memo, m.done = saved, memo, done
	switch {
	case r == ended:
		return ended
	case r > 0:
		return r - 1
	case r < ended:
		return r
	}
	return 0
}

// merge merges a base document a with a virtual document b: objects under
// the same key merge, and for other values under the same key the base
// document's stands, as with OPA's evaluator.
func merge(a, b ast.Object) ast.Object {
	merged, _ := a.MergeWith(b, func(v1, v2 *ast.Term) (*ast.Term, bool) {
		o1, ok1 := v1.Value.(ast.Object)
		o2, ok2 := v2.Value.(ast.Object)
		if ok1 && ok2 {
			return ast.NewTerm(merge(o1, o2)), false
		}
		return v1, false
	})
	return merged
}

// upsert returns base with value at path: the objects along the path
// copied (shallowly), those missing or not objects replaced by new ones.
func upsert(base *ast.Term, path []*ast.Term, value *ast.Term) *ast.Term {
	if len(path) == 0 {
		return value
	}
	obj := ast.NewObject()
	if o, ok := termValue[ast.Object](plain(base)); ok {
		o.Foreach(func(k, v *ast.Term) { obj.Insert(k, v) })
	}
	obj.Insert(plain(path[0]), plain(upsert(obj.Get(plain(path[0])), path[1:], value)))
	return ast.NewTerm(obj)
}

// scan runs a ScanStmt's block for each element of its source. As in the
// WebAssembly the planner targets, leaving the block (0) goes on with the
// next element, leaving one more (1) ends the scan, and further breaks
// leave the blocks around the scan.
func (m *machine) scan(s *stmt, l []*ast.Term) int {
	src := l[s.a.local]
	if src == nil {
		return ended
	}
	result := ended
	step := func(k, v *ast.Term) bool {
		// Cancellation is looked at every 4,096 elements.
		if m.steps++; m.steps&0xfff == 0 {
			if err := m.ctx.Err(); err != nil {
				m.err, result = err, abort
				return true
			}
		}
		l[s.key], l[s.value] = k, v
		switch r := m.run(s.body, l); {
		case r == ended || r == 0:
			return false
		case r == 1:
			return true
		case r > 1:
			result = r - 2
		default:
			result = r
		}
		return true
	}
	switch v := src.Value.(type) {
	case *Object:
		for i := range v.items {
			if step(v.items[i].k, v.items[i].v) {
				break
			}
		}
	case *Array:
		for i, e := range v.elems {
			if step(Int(i), e) {
				break
			}
		}
	case *ast.Array:
		for i := range v.Len() {
			if step(Int(i), v.Elem(i)) {
				break
			}
		}
	case ast.Object:
		v.Until(step)
	case ast.Set:
		v.Until(func(e *ast.Term) bool { return step(e, e) })
	}
	return result
}

func termValue[T ast.Value](t *ast.Term) (T, bool) {
	var zero T
	if t == nil {
		return zero, false
	}
	v, ok := t.Value.(T)
	return v, ok
}

func isArray(v ast.Value) bool {
	switch v.(type) {
	case *ast.Array, *Array:
		return true
	}
	return false
}

func isObject(v ast.Value) bool {
	switch v.(type) {
	case ast.Object, *Object:
		return true
	}
	return false
}

// equal compares two values as OPA does; Objects and Arrays of the input
// are converted unless they are the same, or one cannot be equal to the
// other (an object and a string, say).
func equal(a, b *ast.Term) bool {
	if a == b {
		return true
	}
	if isNative(a.Value) || isNative(b.Value) {
		if isObject(a.Value) != isObject(b.Value) || isArray(a.Value) != isArray(b.Value) {
			return false
		}
		if isNative(a.Value) && a.Value == b.Value {
			return true
		}
	}
	return plain(a).Value.Compare(plain(b).Value) == 0
}

func isSet(v ast.Value) bool {
	_, ok := v.(ast.Set)
	return ok
}

// isNative tells an input Object or Array.
func isNative(v ast.Value) bool {
	switch v.(type) {
	case *Object, *Array:
		return true
	}
	return false
}

// dot looks key up in a collection: an object's value, an array's element,
// a set's member; nil when absent or src is no collection.
func dot(src ast.Value, key *ast.Term) *ast.Term {
	switch v := src.(type) {
	case *Object:
		return v.get(key)
	case *Array:
		if i, ok := index(key, len(v.elems)); ok {
			return v.elems[i]
		}
	case ast.Object:
		return v.Get(plain(key))
	case *ast.Array:
		if i, ok := index(key, v.Len()); ok {
			return v.Elem(i)
		}
	case ast.Set:
		if v.Contains(plain(key)) {
			return key
		}
	}
	return nil
}

// index is key as an index of an array of n elements.
func index(key *ast.Term, n int) (int, bool) {
	num, ok := key.Value.(ast.Number)
	if !ok {
		return 0, false
	}
	i, ok := num.Int()
	return i, ok && i >= 0 && i < n
}

// length is the number of elements of a collection, of characters of a
// string, 0 for anything else.
func length(v ast.Value) int {
	switch v := v.(type) {
	case *Object:
		return v.Len()
	case *Array:
		return v.Len()
	case *ast.Array:
		return v.Len()
	case ast.Object:
		return v.Len()
	case ast.Set:
		return v.Len()
	case ast.String:
		return len([]rune(string(v)))
	}
	return 0
}
