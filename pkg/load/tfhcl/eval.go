package tfhcl

import (
	"math/big"
	"path/filepath"
	"slices"
	"sort"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/soc2scan/soc2scan/pkg/document"
)

// refMark marks a value that came from a resource instance, by its address.
// Marks travel with values through locals, functions, module inputs and
// outputs, so the references of an attribute are the marks of its value:
// exactly the instances it was computed from.
type refMark string

// Evaluation states of a lazily evaluated value.
const (
	pending = iota
	evaluating
	done
)

type slot struct {
	state int
	val   cty.Value
}

// resSlot is a resource block of one module instance.
type resSlot struct {
	slot
	docs    []document.Resource // its instances, in key order
	objs    []cty.Value         // their configured values, until value is built
	keys    []instKey
	counted bool
}

// callSlot is a module call of one module instance.
type callSlot struct {
	slot
	insts []*modInst
}

// modInst is one instance of a module: the root, or module.a["x"].
type modInst struct {
	l      *loader
	mod    *module
	addr   string // "" for the root
	vars   map[string]cty.Value
	locals map[string]*slot
	res    map[string]*resSlot
	calls  map[string]*callSlot
	path   cty.Value
	via    []document.Location
	// modelCall is, for an instance of a module model, the call it stands
	// in for: its resources are placed on that call block.
	modelCall *call
}

func (l *loader) newInstance(m *module, addr string, vars map[string]cty.Value, via []document.Location) *modInst {
	mi := &modInst{l: l, mod: m, addr: addr, vars: vars, locals: map[string]*slot{},
		res: map[string]*resSlot{}, calls: map[string]*callSlot{}, via: via}
	// As in Terraform, path.module and path.root are relative to the root
	// module, where file() and templatefile() resolve relative paths.
	modPath := m.dir
	if rel, err := filepath.Rel(l.rootDir, m.dir); err == nil {
		modPath = rel
	}
	mi.path = cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(slash(modPath)),
		"root":   cty.StringVal("."),
		"cwd":    cty.StringVal(slash(l.rootDir)),
	})
	return mi
}

// run evaluates every resource and module call of the instance.
func (mi *modInst) run() {
	for _, r := range mi.mod.resources {
		if mi.l.ctx.Err() != nil {
			return
		}
		mi.resource(r.addr)
	}
	for _, c := range mi.mod.calls {
		for _, child := range mi.call(c.name).insts {
			child.run()
		}
	}
}

// collect appends the document resources of the instance and its children,
// resources in configuration order then module calls in order.
func (mi *modInst) collect(doc *document.Document, via map[string][]document.Location) {
	for _, r := range mi.mod.resources {
		if s := mi.res[r.addr]; s != nil {
			doc.Resources = append(doc.Resources, s.docs...)
			if len(mi.via) > 0 {
				for _, d := range s.docs {
					via[d.ID] = mi.via
				}
			}
		}
	}
	for _, c := range mi.mod.calls {
		if s := mi.calls[c.name]; s != nil {
			for _, child := range s.insts {
				child.collect(doc, via)
			}
		}
	}
}

func (mi *modInst) qualify(addr string) string {
	if mi.addr == "" {
		return addr
	}
	return mi.addr + "." + addr
}

// local returns the value of local.name.
func (mi *modInst) local(name string) cty.Value {
	a, ok := mi.mod.locals[name]
	if !ok {
		return cty.NilVal
	}
	s := mi.locals[name]
	if s == nil {
		s = &slot{}
		mi.locals[name] = s
	}
	if run, ready := mi.begin(s, loc(a.NameRange), "local."+name); !run {
		if ready {
			return s.val
		}
		return cty.DynamicVal
	}
	defer mi.end(s)
	s.val = mi.eval(a.Expr, nil)
	return s.val
}

// begin starts evaluating slot s, of what (declared at at): run says the
// caller is to evaluate it and then call end; ready that it is done
// already. Neither is a cycle of references or a chain of them too deep,
// reported here: the caller's value is unknown.
func (mi *modInst) begin(s *slot, at document.Location, what string) (run, ready bool) {
	switch s.state {
	case done:
		return false, true
	case evaluating:
		mi.l.diag(document.Errorf(at, "%s refers to itself through a cycle of references", what))
		return false, false
	}
	if !mi.l.enter(at) {
		return false, false
	}
	s.state = evaluating
	return true, false
}

// end marks a slot that begin started as done.
func (mi *modInst) end(s *slot) {
	s.state = done
	mi.l.leave()
}

// instanceContext is the evaluation context of one instance (key k) of a
// block with count or for_each: vars plus count or each.
func (mi *modInst) instanceContext(vars []hcl.Traversal, k instKey) *hcl.EvalContext {
	var extra map[string]cty.Value
	if k.name != "" {
		extra = map[string]cty.Value{k.name: k.vars}
	}
	return mi.evalContext(vars, extra)
}

// eval evaluates an expression in the instance, with extra variables
// (count, each) where given. An expression that fails is unknown.
func (mi *modInst) eval(expr hcl.Expression, extra map[string]cty.Value) cty.Value {
	v, _ := mi.evalOK(expr, extra)
	return v
}

// evalOK is eval that also says whether the expression was valid.
func (mi *modInst) evalOK(expr hcl.Expression, extra map[string]cty.Value) (cty.Value, bool) {
	ctx := mi.evalContext(expr.Variables(), extra)
	v, diags := expr.Value(ctx)
	mi.hclDiags(diags)
	if diags.HasErrors() {
		return cty.DynamicVal, false
	}
	return v, true
}

func (mi *modInst) value(expr hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	v, diags := expr.Value(ctx)
	mi.hclDiags(diags)
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	return v
}

// evalContext builds the variables that the given references need, and no
// others: each expression evaluates what it uses, in the order it uses it,
// which is how locals and resources in any order resolve.
func (mi *modInst) evalContext(refs []hcl.Traversal, extra map[string]cty.Value) *hcl.EvalContext {
	vars := map[string]cty.Value{}
	nested := map[string]map[string]cty.Value{}   // var, local, module, resource types
	dataVals := map[string]map[string]cty.Value{} // data.TYPE.NAME
	put := func(root, name string, v cty.Value) {
		if v == cty.NilVal {
			return
		}
		if nested[root] == nil {
			nested[root] = map[string]cty.Value{}
		}
		nested[root][name] = v
	}
	for _, t := range refs {
		root := t.RootName()
		switch root {
		case "var":
			if name := attrStep(t, 1); name != "" {
				if v, ok := mi.vars[name]; ok {
					put(root, name, v)
				}
			}
		case "local":
			if name := attrStep(t, 1); name != "" {
				put(root, name, mi.local(name))
			}
		case "module":
			if name := attrStep(t, 1); name != "" {
				if _, ok := mi.mod.callsByNm[name]; ok {
					put(root, name, mi.call(name).val)
				}
			}
		case "data":
			typ, name := attrStep(t, 1), attrStep(t, 2)
			if typ != "" && name != "" {
				if _, ok := mi.mod.byAddr["data."+typ+"."+name]; ok {
					if dataVals[typ] == nil {
						dataVals[typ] = map[string]cty.Value{}
					}
					dataVals[typ][name] = mi.resource("data." + typ + "." + name).value(mi.l)
				}
			}
		case "path":
			vars["path"] = mi.path
		case "terraform":
			vars["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		case "self":
			vars["self"] = cty.DynamicVal
		default:
			if name := attrStep(t, 1); name != "" && mi.mod.types[root] {
				if _, ok := mi.mod.byAddr[root+"."+name]; ok {
					put(root, name, mi.resource(root+"."+name).value(mi.l))
				}
			}
		}
	}
	for root, m := range nested {
		vars[root] = cty.ObjectVal(m)
	}
	if len(dataVals) > 0 {
		d := map[string]cty.Value{}
		for typ, m := range dataVals {
			d[typ] = cty.ObjectVal(m)
		}
		vars["data"] = cty.ObjectVal(d)
	}
	for k, v := range extra {
		vars[k] = v
	}
	funcs := mi.l.funcs
	if mi.modelCall != nil {
		funcs = mi.l.modelFunctions()
	}
	return &hcl.EvalContext{Variables: vars, Functions: funcs}
}

// attrStep returns the attribute name at step i of a traversal, or "".
func attrStep(t hcl.Traversal, i int) string {
	if i >= len(t) {
		return ""
	}
	switch s := t[i].(type) {
	case hcl.TraverseAttr:
		return s.Name
	case hcl.TraverseRoot:
		return s.Name
	}
	return ""
}

// sep joins the steps of a positions key.
const sep = "\x00"

// positions places paths of a resource's Values in its file: attributes at
// their name, nested blocks at their type keyword.
type positions struct {
	start document.Location
	at    map[string]hcl.Pos // steps joined by sep
}

func (p *positions) set(key string, at hcl.Pos) {
	if p.at == nil {
		p.at = map[string]hcl.Pos{}
	}
	p.at[key] = at
}

// Position returns the line and column of the deepest step of path that
// the source shows: inside an attribute's value, the attribute; where
// nothing matches, the resource block.
func (p positions) Position(path []string) (line, column int) {
	line, column = p.start.Line, p.start.Column
	key := ""
	for _, step := range path {
		key += step
		at, ok := p.at[key]
		if !ok {
			break
		}
		line, column = at.Line, at.Column
		key += sep
	}
	return line, column
}

// instKey is one instance of a block with count or for_each.
type instKey struct {
	key  string    // address suffix: [0] or ["k"]; "" without count and for_each
	vars cty.Value // count or each object
	name string    // "count" or "each"
}

// expand evaluates count or for_each; ok is false when the instances are
// known only after apply, or the expression is invalid.
func (mi *modInst) expand(what string, countExpr, forEachExpr hcl.Expression, def hcl.Range) ([]instKey, bool) {
	switch {
	case countExpr != nil:
		v, valid := mi.evalOK(countExpr, nil)
		v, _ = v.UnmarkDeep()
		if !valid {
			return nil, false
		}
		if !v.IsKnown() {
			mi.l.warn(def, "count of %s is known only after apply: its resources are not checked", what)
			return nil, false
		}
		if v.IsNull() || v.Type() != cty.Number {
			mi.l.diag(diagAt(countExpr.Range(), "count of %s is not a number", what))
			return nil, false
		}
		bf := v.AsBigFloat()
		n, acc := bf.Int64()
		if acc != big.Exact || n < 0 {
			mi.l.diag(diagAt(countExpr.Range(), "count of %s must be a whole number of 0 or more", what))
			return nil, false
		}
		if n > maxInstances {
			mi.l.diag(diagAt(countExpr.Range(), "count of %s is %d, more than the limit of %d", what, n, maxInstances))
			return nil, false
		}
		keys := make([]instKey, n)
		for i := range keys {
			keys[i] = instKey{key: "[" + strconv.Itoa(i) + "]", name: "count",
				vars: cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(i))})}
		}
		return keys, true
	case forEachExpr != nil:
		v, valid := mi.evalOK(forEachExpr, nil)
		if !valid {
			return nil, false
		}
		coll, marks := v.Unmark()
		if !coll.IsWhollyKnown() && !(coll.IsKnown() && coll.Type().IsMapType() || coll.IsKnown() && coll.Type().IsObjectType()) {
			mi.l.warn(def, "for_each of %s is known only after apply: its resources are not checked", what)
			return nil, false
		}
		if coll.IsNull() {
			mi.l.diag(diagAt(forEachExpr.Range(), "for_each of %s is null", what))
			return nil, false
		}
		ty := coll.Type()
		if !(ty.IsMapType() || ty.IsObjectType() || ty.IsSetType()) {
			mi.l.diag(diagAt(forEachExpr.Range(), "for_each of %s must be a map or a set of strings, not %s", what, ty.FriendlyName()))
			return nil, false
		}
		if coll.LengthInt() > maxInstances {
			mi.l.diag(diagAt(forEachExpr.Range(), "for_each of %s has %d elements, more than the limit of %d", what, coll.LengthInt(), maxInstances))
			return nil, false
		}
		var keys []instKey
		for it := coll.ElementIterator(); it.Next(); {
			k, e := it.Element()
			kv, _ := k.Unmark()
			if ty.IsSetType() {
				kv, _ = e.Unmark()
				if !kv.IsKnown() || kv.IsNull() || kv.Type() != cty.String {
					mi.l.diag(diagAt(forEachExpr.Range(), "for_each of %s must be a set of known strings", what))
					return nil, false
				}
			}
			ks := kv.AsString()
			keys = append(keys, instKey{key: "[" + quote(ks) + "]", name: "each",
				vars: cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(ks), "value": e.WithMarks(marks)})})
		}
		return keys, true
	}
	return []instKey{{}}, true
}

// quote writes a for_each key as Terraform writes it in addresses.
func quote(s string) string {
	return strconv.Quote(s)
}

// resource evaluates a resource block: its instances' values and the value
// other expressions see when they refer to it.
func (mi *modInst) resource(addr string) *resSlot {
	s := mi.res[addr]
	if s == nil {
		s = &resSlot{}
		mi.res[addr] = s
	}
	r := mi.mod.byAddr[addr]
	if run, ready := mi.begin(&s.slot, r.loc, mi.qualify(addr)); !run {
		if ready {
			return s
		}
		return &resSlot{slot: slot{val: cty.DynamicVal}}
	}
	defer mi.end(&s.slot)
	keys, ok := mi.expand(mi.qualify(addr), r.count, r.forEach, hcl.Range{Filename: r.loc.File, Start: hcl.Pos{Line: r.loc.Line, Column: r.loc.Column}})
	if !ok {
		s.val = cty.DynamicVal
		return s
	}
	at := r.loc
	if mi.modelCall != nil {
		at = mi.modelCall.loc
	}
	if mi.l.resources+len(keys) > maxResources {
		mi.l.diag(document.Errorf(r.loc, "more than %d resource instances: %s and later resources are not checked", maxResources, mi.qualify(addr)))
		s.val = cty.DynamicVal
		return s
	}
	mi.l.resources += len(keys)
	s.keys, s.counted = keys, r.count != nil
	for _, k := range keys {
		id := mi.qualify(addr) + k.key
		ctx := mi.instanceContext(r.vars, k)
		be := &bodyEval{mi: mi, self: id, refs: map[string][]string{}, pos: positions{start: at}, model: mi.modelCall != nil}
		obj := be.body(r.body, ctx, "", "", true)
		s.objs = append(s.objs, obj)
		d := mi.document(r, id, obj, be.refs, at)
		d.Positions = be.pos
		s.docs = append(s.docs, d)
	}
	return s
}

// value is what an expression sees when it refers to the resource: an
// object per instance, in a tuple (count) or an object by key (for_each).
// It is built on first use, as most resources are never referred to.
func (s *resSlot) value(l *loader) cty.Value {
	if s.val != cty.NilVal {
		return s.val
	}
	if s.state == evaluating {
		return cty.DynamicVal
	}
	vals := make([]cty.Value, len(s.objs))
	for i, obj := range s.objs {
		vals[i] = l.referable(obj).Mark(refMark(s.docs[i].ID))
	}
	switch {
	case s.counted:
		s.val = cty.TupleVal(vals)
		if len(vals) == 0 {
			s.val = cty.EmptyTupleVal
		}
	case len(s.keys) == 1 && s.keys[0].name == "":
		s.val = vals[0]
	default:
		m := make(map[string]cty.Value, len(s.keys))
		for i, k := range s.keys {
			m[k.vars.GetAttr("key").AsString()] = vals[i]
		}
		s.val = cty.ObjectVal(m)
	}
	s.objs = nil
	return s.val
}

// referable adds, to a resource's configured values, an unknown value for
// every other attribute some expression reads: attributes the provider
// computes (id, arn) are known only after apply.
func (l *loader) referable(obj cty.Value) cty.Value {
	attrs := make(map[string]cty.Value, len(l.refNames)+obj.LengthInt())
	for _, n := range l.refNames {
		attrs[n] = cty.DynamicVal
	}
	for it := obj.ElementIterator(); it.Next(); {
		k, v := it.Element()
		attrs[k.AsString()] = v
	}
	return cty.ObjectVal(attrs)
}

func (mi *modInst) document(r *resource, id string, obj cty.Value, refs map[string][]string, at document.Location) document.Resource {
	plain, _ := obj.UnmarkDeep()
	values := map[string]any{}
	unknown := map[string]any{}
	for it := plain.ElementIterator(); it.Next(); {
		k, v := it.Element()
		name := k.AsString()
		if u, has := unknownOf(v); has {
			unknown[name] = u
		}
		if v.IsKnown() {
			values[name] = toGo(v)
		}
	}
	res := document.Resource{ID: id, Type: r.typ, Provider: r.provider, Mode: r.mode, Values: values, Location: at}
	if len(unknown) > 0 {
		res.Unknown = unknown
	}
	for p, ids := range refs {
		slices.Sort(ids)
		refs[p] = slices.Compact(ids)
	}
	if len(refs) > 0 {
		res.Refs = refs
	}
	return res
}

// bodyEval is the evaluation of one resource instance's body: the
// references and source positions it collects.
type bodyEval struct {
	mi   *modInst
	self string              // the instance's own ID, never its own reference
	refs map[string][]string // dotted attribute path → referenced IDs
	pos  positions
	// model is set in a module model, whose source the user never sees:
	// values are placed on the call argument they come from, or the call.
	model bool
}

// place returns where to place a value written at p: in a model, the call
// argument it was computed from, else the call block.
func (e *bodyEval) place(p hcl.Pos, v cty.Value) hcl.Pos {
	if !e.model {
		return p
	}
	if v != cty.NilVal {
		if at, ok := argPosition(v); ok {
			return at
		}
	}
	return hcl.Pos{Line: e.pos.start.Line, Column: e.pos.start.Column}
}

// body evaluates a resource body without its provider's schema: attributes
// as written, nested blocks as lists of objects in source order (the plan's
// shape), dynamic blocks expanded. path is the dotted path of refs, key the
// path of positions (keys and indices).
func (e *bodyEval) body(body hcl.Body, ctx *hcl.EvalContext, path, key string, top bool) cty.Value {
	attrs := map[string]cty.Value{}
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		as, diags := body.JustAttributes()
		e.mi.hclDiags(diags)
		for name, a := range as {
			attrs[name] = jsonBlocks(name, e.attribute(a.Expr, a.NameRange.Start, ctx, joinPath(path, name), key+name))
		}
		return cty.ObjectVal(attrs)
	}
	for name, a := range sb.Attributes {
		if top && metaNames[name] {
			continue
		}
		attrs[name] = e.attribute(a.Expr, a.NameRange.Start, ctx, joinPath(path, name), key+name)
	}
	blocks := map[string][]cty.Value{}
	unknownBlocks := map[string]bool{}
	var order []string
	for _, b := range sb.Blocks {
		if top && metaNames[b.Type] {
			continue
		}
		typ := b.Type
		dynamic := b.Type == "dynamic" && len(b.Labels) == 1
		if dynamic {
			typ = b.Labels[0]
		}
		if _, seen := blocks[typ]; !seen {
			order = append(order, typ)
			blocks[typ] = nil
			e.pos.set(key+typ, e.place(b.TypeRange.Start, cty.NilVal))
		}
		elemKey := key + typ + sep
		if !dynamic {
			n := strconv.Itoa(len(blocks[typ]))
			e.pos.set(elemKey+n, e.place(b.TypeRange.Start, cty.NilVal))
			blocks[typ] = append(blocks[typ], e.body(b.Body, ctx, joinPath(path, typ), elemKey+n+sep, false))
			continue
		}
		vals, known := e.dynamic(b, ctx, joinPath(path, typ), elemKey, len(blocks[typ]))
		if !known {
			unknownBlocks[typ] = true
		}
		blocks[typ] = append(blocks[typ], vals...)
	}
	for _, typ := range order {
		switch {
		case unknownBlocks[typ]:
			attrs[typ] = cty.DynamicVal
		case len(blocks[typ]) == 0:
			attrs[typ] = cty.EmptyTupleVal
		default:
			attrs[typ] = cty.TupleVal(blocks[typ])
		}
	}
	return cty.ObjectVal(attrs)
}

func (e *bodyEval) attribute(expr hcl.Expression, at hcl.Pos, ctx *hcl.EvalContext, path, key string) cty.Value {
	v := e.mi.value(expr, ctx)
	collectRefs(v, path, e.self, e.refs)
	e.pos.set(key, e.place(at, v))
	return v
}

// mapAttributes are attributes that commonly hold maps: in a .tf.json file,
// where an object may be a map or a nested block, these stay maps.
var mapAttributes = map[string]bool{"tags": true, "tags_all": true, "default_tags": true, "labels": true,
	"annotations": true, "variables": true, "parameters": true, "triggers": true, "metadata": true,
	"environment_variables": true, "options": true, "attributes": true, "data": true, "values": true}

// jsonBlocks gives a .tf.json value the plan's shape without the provider's
// schema, which alone says what is a block: an object, or a list of
// objects, is taken for nested blocks (a list of objects) unless its name is
// that of a common map attribute.
func jsonBlocks(name string, v cty.Value) cty.Value {
	if mapAttributes[name] || !v.IsKnown() || v.IsNull() || v.IsMarked() {
		return v
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType():
		return cty.TupleVal([]cty.Value{jsonBlock(v)})
	case ty.IsTupleType() && v.LengthInt() > 0:
		var out []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if !e.IsKnown() || e.IsNull() || e.IsMarked() || !e.Type().IsObjectType() {
				return v
			}
			out = append(out, jsonBlock(e))
		}
		return cty.TupleVal(out)
	}
	return v
}

func jsonBlock(v cty.Value) cty.Value {
	attrs := map[string]cty.Value{}
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		attrs[k.AsString()] = jsonBlocks(k.AsString(), e)
	}
	return cty.ObjectVal(attrs)
}

// dynamic expands a dynamic block into elements first, first+1 ...; known
// is false when its for_each is known only after apply, which makes the
// whole list of blocks unknown.
func (e *bodyEval) dynamic(b *hclsyntax.Block, ctx *hcl.EvalContext, path, elemKey string, first int) (vals []cty.Value, known bool) {
	iter := b.Labels[0]
	var forEach hcl.Expression
	var content *hclsyntax.Block
	for name, a := range b.Body.Attributes {
		switch name {
		case "for_each":
			forEach = a.Expr
		case "iterator":
			if t, diags := hcl.AbsTraversalForExpr(a.Expr); !diags.HasErrors() && len(t) == 1 {
				iter = t.RootName()
			}
		}
	}
	for _, cb := range b.Body.Blocks {
		if cb.Type == "content" {
			content = cb
		}
	}
	if forEach == nil || content == nil {
		e.mi.l.diag(diagAt(b.DefRange(), "dynamic %q needs for_each and a content block", b.Labels[0]))
		return nil, true
	}
	v := e.mi.value(forEach, ctx)
	coll, marks := v.Unmark()
	if !coll.IsKnown() {
		collectRefs(v, path, e.self, e.refs)
		return nil, false
	}
	if coll.IsNull() || !coll.CanIterateElements() {
		e.mi.l.diag(diagAt(forEach.Range(), "for_each of dynamic %q must be a collection", b.Labels[0]))
		return nil, true
	}
	if coll.LengthInt() > maxInstances {
		e.mi.l.diag(diagAt(forEach.Range(), "for_each of dynamic %q has more than %d elements", b.Labels[0], maxInstances))
		return nil, true
	}
	for it := coll.ElementIterator(); it.Next(); {
		k, el := it.Element()
		child := ctx.NewChild()
		child.Variables = map[string]cty.Value{iter: cty.ObjectVal(map[string]cty.Value{"key": k, "value": el.WithMarks(marks)})}
		n := strconv.Itoa(first + len(vals))
		e.pos.set(elemKey+n, e.place(content.TypeRange.Start, el))
		vals = append(vals, e.body(content.Body, child, path, elemKey+n+sep, false))
	}
	return vals, true
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// collectRefs adds the resource instances a value was computed from.
func collectRefs(v cty.Value, path, self string, refs map[string][]string) {
	if !v.ContainsMarked() {
		return
	}
	_, pvms := v.UnmarkDeepWithPaths()
	for _, pvm := range pvms {
		for m := range pvm.Marks {
			if id, ok := m.(refMark); ok && string(id) != self {
				refs[path] = append(refs[path], string(id))
			}
		}
	}
}

// unknownOf returns the unknown marks of a value in the shape of a plan's
// after_unknown: true where unknown, objects with only the keys that hold
// unknowns, lists with false for known elements.
func unknownOf(v cty.Value) (any, bool) {
	if !v.IsKnown() {
		return true, true
	}
	if v.IsNull() || v.IsWhollyKnown() {
		return nil, false
	}
	ty := v.Type()
	switch {
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		out := make([]any, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			u, has := unknownOf(e)
			if !has {
				u = false
			}
			out = append(out, u)
		}
		return out, true
	case ty.IsMapType() || ty.IsObjectType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if u, has := unknownOf(e); has {
				out[k.AsString()] = u
			}
		}
		return out, len(out) > 0
	}
	return nil, false
}

// toGo converts a value, unmarked, to what encoding/json would decode from
// the plan's JSON: numbers as float64 (as tfplan's values are), unknown and
// null as nil.
func toGo(v cty.Value) any {
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString()
	case ty == cty.Number:
		f, _ := v.AsBigFloat().Float64()
		return f
	case ty == cty.Bool:
		return v.True()
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		out := make([]any, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out = append(out, toGo(e))
		}
		return out
	case ty.IsMapType() || ty.IsObjectType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			out[k.AsString()] = toGo(e)
		}
		return out
	}
	return nil
}

// call evaluates a module call: its instances and the value of module.NAME
// (the outputs, per instance).
func (mi *modInst) call(name string) *callSlot {
	s := mi.calls[name]
	if s == nil {
		s = &callSlot{}
		mi.calls[name] = s
	}
	c := mi.mod.callsByNm[name]
	if run, ready := mi.begin(&s.slot, c.loc, "module "+mi.qualify("module."+name)); !run {
		if ready {
			return s
		}
		return &callSlot{slot: slot{val: cty.DynamicVal}}
	}
	defer mi.end(&s.slot)
	s.val = cty.DynamicVal
	if c.child == nil {
		return s
	}
	what := mi.qualify("module." + name)
	keys, ok := mi.expand(what, c.count, c.forEach, hcl.Range{Filename: c.loc.File, Start: hcl.Pos{Line: c.loc.Line, Column: c.loc.Column}})
	if !ok {
		return s
	}
	if mi.l.modules+len(keys) > maxModuleCalls {
		mi.l.diag(document.Errorf(c.loc, "more than %d module instances: %s is not checked", maxModuleCalls, what))
		return s
	}
	mi.l.modules += len(keys)
	outs := make([]cty.Value, len(keys))
	for i, k := range keys {
		ctx := mi.instanceContext(c.argVars, k)
		vars := map[string]cty.Value{}
		for vn, v := range c.child.variables {
			a, set := c.args[vn]
			var val cty.Value
			switch {
			case set:
				val = mi.value(a.Expr, ctx)
				if c.child.model != nil && mi.modelCall == nil {
					val = val.Mark(argMark(a.NameRange.Start))
				}
			case v.def != cty.NilVal:
				val = v.def
			default:
				mi.l.diag(document.Errorf(c.loc, "module %s: required variable %q is not set", what, vn))
				vars[vn] = cty.UnknownVal(v.typ)
				continue
			}
			vars[vn] = mi.l.finalize(v, val, document.Location{File: c.loc.File, Line: c.loc.Line})
		}
		for an, a := range c.args {
			if _, ok := c.child.variables[an]; !ok {
				mi.l.diag(diagAt(a.NameRange, "module %s has no variable %q", what, an))
			}
		}
		via := append(slices.Clip(mi.via), c.loc)
		if c.child.model != nil {
			// The model's resources, and those of the submodules it calls,
			// are placed on the user's call itself.
			via = mi.via
		}
		child := mi.l.newInstance(c.child, what+k.key, vars, via)
		switch {
		case mi.modelCall != nil:
			child.modelCall = mi.modelCall
		case c.child.model != nil:
			child.modelCall = c
		}
		s.insts = append(s.insts, child)
		outs[i] = child.outputs()
	}
	switch {
	case c.count != nil:
		s.val = cty.TupleVal(outs)
		if len(outs) == 0 {
			s.val = cty.EmptyTupleVal
		}
	case c.forEach != nil:
		m := make(map[string]cty.Value, len(keys))
		for i, k := range keys {
			m[k.vars.GetAttr("key").AsString()] = outs[i]
		}
		s.val = cty.ObjectVal(m)
	default:
		s.val = outs[0]
	}
	return s
}

// outputs evaluates the outputs of a module instance into one object.
func (mi *modInst) outputs() cty.Value {
	names := make([]string, 0, len(mi.mod.outputs))
	for n := range mi.mod.outputs {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make(map[string]cty.Value, len(names))
	for _, n := range names {
		out[n] = mi.eval(mi.mod.outputs[n].Expr, nil)
	}
	return cty.ObjectVal(out)
}

// finalize applies a variable's type constraint and optional() defaults.
// Marks (references) survive: where conversion keeps the shape they stay
// where they were; otherwise they mark the whole value, which may widen a
// reference but never loses one.
func (l *loader) finalize(v *variable, val cty.Value, at document.Location) cty.Value {
	if val.IsNull() && !v.nullable && v.def != cty.NilVal {
		val = v.def
	}
	plain, pvms := val.UnmarkDeepWithPaths()
	if v.defaults != nil && plain.IsWhollyKnown() {
		plain = v.defaults.Apply(plain)
	}
	conv, err := convert.Convert(plain, v.typ)
	if err != nil {
		l.diag(document.Errorf(at, "invalid value for variable %q: %v", v.name, err))
		return cty.UnknownVal(v.typ)
	}
	if len(pvms) == 0 {
		return conv
	}
	if conv.Type().Equals(plain.Type()) {
		return conv.MarkWithPaths(pvms)
	}
	all := cty.ValueMarks{}
	for _, p := range pvms {
		for m := range p.Marks {
			all[m] = struct{}{}
		}
	}
	return conv.WithMarks(all)
}

// collectRefNames gathers the attribute names that expressions read from
// values that may be resources: see referable.
func (l *loader) collectRefNames(m *module, seen map[*module]bool, names map[string]bool) {
	if seen[m] {
		return
	}
	seen[m] = true
	visit := func(e hcl.Expression) {
		hclsyntax.VisitAll(asNode(e), func(n hclsyntax.Node) hcl.Diagnostics {
			switch n := n.(type) {
			case *hclsyntax.ScopeTraversalExpr:
				skip := 1
				switch n.Traversal.RootName() {
				case "var", "local", "module", "each":
					skip = 2
				case "data":
					skip = 3
				case "count", "path", "terraform":
					return nil
				}
				for i, st := range n.Traversal {
					if a, ok := st.(hcl.TraverseAttr); ok && i >= skip {
						names[a.Name] = true
					}
				}
			case *hclsyntax.RelativeTraversalExpr:
				for _, st := range n.Traversal {
					if a, ok := st.(hcl.TraverseAttr); ok {
						names[a.Name] = true
					}
				}
			}
			return nil
		})
		if _, ok := e.(hclsyntax.Expression); ok {
			return
		}
		// Expressions of JSON files show their references only here.
		for _, t := range e.Variables() {
			for i, st := range t {
				if a, ok := st.(hcl.TraverseAttr); ok && i >= 2 {
					names[a.Name] = true
				}
			}
		}
	}
	for _, r := range m.resources {
		walkExprs(r.body, visit)
	}
	for _, a := range m.locals {
		visit(a.Expr)
	}
	for _, a := range m.outputs {
		visit(a.Expr)
	}
	for _, c := range m.calls {
		for _, a := range c.args {
			visit(a.Expr)
		}
		if c.count != nil {
			visit(c.count)
		}
		if c.forEach != nil {
			visit(c.forEach)
		}
		if c.child != nil {
			l.collectRefNames(c.child, seen, names)
		}
	}
}

// asNode returns the syntax node of an expression; JSON expressions have
// none, and an empty template stands in.
func asNode(e hcl.Expression) hclsyntax.Node {
	if n, ok := e.(hclsyntax.Expression); ok {
		return n
	}
	return &hclsyntax.TemplateExpr{}
}

func walkExprs(body hcl.Body, fn func(hcl.Expression)) {
	if sb, ok := body.(*hclsyntax.Body); ok {
		for _, a := range sb.Attributes {
			fn(a.Expr)
		}
		for _, b := range sb.Blocks {
			walkExprs(b.Body, fn)
		}
		return
	}
	attrs, _ := body.JustAttributes()
	for _, a := range attrs {
		fn(a.Expr)
	}
}
