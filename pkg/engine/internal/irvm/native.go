package irvm

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Object is an object of a plan's input, built by the caller (the engine's
// rule input): string keys in order, each beside its value, looked up by
// comparing the key strings, which costs a pointer comparison when both
// are a plan's own term (Key). An ast.Object hashes the key, looks the
// hash up in a Go map and follows two more pointers to the entry: on the
// large heap of a scan of ten thousand workloads, each of those a cache
// miss. Objects are immutable.
//
// OPA's functions and comparisons take OPA's values: the machine converts
// an Object (deeply) where one reaches them, once; the conversion is kept.
// An Object is an ast.Value only so that it can travel in a plan's locals;
// its methods convert it first.
type Object struct {
	items []item
	conv  atomic.Pointer[ast.Term]
}

type item struct {
	key  string
	k, v *ast.Term
}

// linearMax is the size up to which lookups scan the keys rather than
// search them: comparing lengths and pointers is cheaper than the
// branches of a binary search for the few keys most objects have.
const linearMax = 16

// NewObject returns an object of items, whose keys must be strings (it
// panics on others); of items with the same key the last stands, as when
// inserting them in turn into an ast.Object. It keeps items' terms.
func NewObject(items [][2]*ast.Term) *Object {
	b := NewObjectBuilder(len(items))
	for _, it := range items {
		b.Add(it[0], it[1])
	}
	return b.Object()
}

// ObjectBuilder builds an Object item by item, without a list of the
// items to copy: a scan converts a million of them.
type ObjectBuilder struct {
	o *Object
}

// NewObjectBuilder starts an object of (about) n items.
func NewObjectBuilder(n int) ObjectBuilder {
	return ObjectBuilder{&Object{items: make([]item, 0, n)}}
}

// Add adds the item k: v; k must be a string (Add panics on others).
func (b ObjectBuilder) Add(k, v *ast.Term) {
	b.o.items = append(b.o.items, item{key: string(k.Value.(ast.String)), k: k, v: v})
}

// Object returns the object built; the builder must not be used after.
func (b ObjectBuilder) Object() *Object {
	o := b.o
	slices.SortStableFunc(o.items, func(a, b item) int { return cmp.Compare(a.key, b.key) })
	for i := 1; i < len(o.items); i++ {
		if o.items[i].key == o.items[i-1].key {
			out := o.items[:i]
			for _, it := range o.items[i:] {
				if last := &out[len(out)-1]; last.key == it.key {
					last.v = it.v // under the first key term, as Insert does
					continue
				}
				out = append(out, it)
			}
			o.items = out
			break
		}
	}
	return o
}

// ints holds shared terms of the integers from 0: the indexes of the
// input's long arrays (resources, containers), which OPA's interning
// (up to 512) does not cover and a scan of each would allocate anew.
var (
	ints   atomic.Pointer[[]*ast.Term]
	intsMu sync.Mutex
)

// Int returns a term of the integer i. The terms of indexes are shared:
// those below 4,096 and, as arrays that long are scanned, up to twice the
// largest shared so far; other integers get terms of their own.
func Int(i int) *ast.Term {
	var cur []*ast.Term
	if p := ints.Load(); p != nil {
		cur = *p
	}
	if i >= 0 && i < len(cur) {
		return cur[i]
	}
	if i < 512 || i >= max(4096, 2*len(cur)) {
		return ast.InternedTerm(i)
	}
	intsMu.Lock()
	defer intsMu.Unlock()
	if p := ints.Load(); p != nil {
		cur = *p
	}
	if i < len(cur) {
		return cur[i]
	}
	next := make([]*ast.Term, max(2*len(cur), 4096))
	copy(next, cur)
	for j := len(cur); j < len(next); j++ {
		next[j] = ast.InternedTerm(j)
	}
	ints.Store(&next)
	return next[i]
}

// Len is the number of keys.
func (o *Object) Len() int { return len(o.items) }

// Get returns the value of key s, nil when there is none.
func (o *Object) Get(s string) *ast.Term {
	items := o.items
	if len(items) <= linearMax {
		for i := range items {
			if items[i].key == s {
				return items[i].v
			}
		}
		return nil
	}
	if i, ok := slices.BinarySearchFunc(items, s, func(it item, s string) int { return cmp.Compare(it.key, s) }); ok {
		return items[i].v
	}
	return nil
}

// get looks a key term up: only strings can be keys of an Object.
func (o *Object) get(k *ast.Term) *ast.Term {
	if s, ok := k.Value.(ast.String); ok {
		return o.Get(string(s))
	}
	return nil
}

// Array is an array of a plan's input, built by the caller, whose elements
// may be Objects and Arrays: it keeps them from OPA's functions, as Object
// does. Arrays are immutable.
type Array struct {
	elems []*ast.Term
	conv  atomic.Pointer[ast.Term]
}

// NewArray returns an array of elems; it keeps the slice.
func NewArray(elems []*ast.Term) *Array { return &Array{elems: elems} }

// Len is the number of elements.
func (a *Array) Len() int { return len(a.elems) }

// Elem returns element i.
func (a *Array) Elem(i int) *ast.Term { return a.elems[i] }

// AST returns v as OPA's values: v itself unless it is (or holds) an
// Object or Array, which are converted.
func AST(v ast.Value) ast.Value {
	switch v := v.(type) {
	case *Object:
		return v.term().Value
	case *Array:
		return v.term().Value
	}
	return v
}

// plain returns t as OPA's values, t itself when it holds no Object or
// Array.
func plain(t *ast.Term) *ast.Term {
	if t == nil {
		return nil
	}
	switch v := t.Value.(type) {
	case *Object:
		return v.term()
	case *Array:
		return v.term()
	}
	return t
}

// term is o converted, made on first use; goroutines racing to make it
// agree on the first one stored.
func (o *Object) term() *ast.Term {
	if t := o.conv.Load(); t != nil {
		return t
	}
	pairs := make([][2]*ast.Term, len(o.items))
	for i, it := range o.items {
		pairs[i] = [2]*ast.Term{it.k, plain(it.v)}
	}
	o.conv.CompareAndSwap(nil, ast.NewTerm(ast.NewObject(pairs...)))
	return o.conv.Load()
}

func (a *Array) term() *ast.Term {
	if t := a.conv.Load(); t != nil {
		return t
	}
	elems, cloned := a.elems, false
	for i, e := range a.elems {
		if p := plain(e); p != e {
			if !cloned {
				elems, cloned = slices.Clone(a.elems), true
			}
			elems[i] = p
		}
	}
	a.conv.CompareAndSwap(nil, ast.NewTerm(ast.NewArray(elems...)))
	return a.conv.Load()
}

// The ast.Value methods convert first: Objects and Arrays are not meant
// to reach OPA's code, and are correct if they do.

func (o *Object) Compare(other ast.Value) int          { return AST(o).Compare(AST(other)) }
func (o *Object) Find(path ast.Ref) (ast.Value, error) { return AST(o).Find(path) }
func (o *Object) Hash() int                            { return AST(o).Hash() }
func (o *Object) IsGround() bool                       { return true }
func (o *Object) String() string                       { return AST(o).String() }
func (o *Object) StringLength() int                    { return AST(o).StringLength() }

func (a *Array) Compare(other ast.Value) int          { return AST(a).Compare(AST(other)) }
func (a *Array) Find(path ast.Ref) (ast.Value, error) { return AST(a).Find(path) }
func (a *Array) Hash() int                            { return AST(a).Hash() }
func (a *Array) IsGround() bool                       { return true }
func (a *Array) String() string                       { return AST(a).String() }
func (a *Array) StringLength() int                    { return AST(a).StringLength() }

// onInput holds built-ins that take an input Object or Array as it is,
// where OPA's implementation would need it converted: object.get on every
// container, type checks and membership on whole resources. Each does what
// OPA's does (topdown), on both kinds of value; false sends the call to
// OPA's implementation with its arguments converted.
var onInput = map[string]func(args []*ast.Term) (*ast.Term, bool){
	// object.get(object, key or path, default)
	"object.get": func(args []*ast.Term) (*ast.Term, bool) {
		obj, path, def := args[0], args[1], args[2]
		if !isObject(obj.Value) {
			return nil, true // a type error: undefined
		}
		var keys []*ast.Term
		switch p := path.Value.(type) {
		case *Array:
			keys = p.elems
		case *ast.Array:
			keys = make([]*ast.Term, p.Len())
			for i := range keys {
				keys[i] = p.Elem(i)
			}
		default:
			return cmp.Or(dot(obj.Value, path), def), true
		}
		curr := obj
		for _, k := range keys {
			if curr = dot(curr.Value, k); curr == nil {
				break
			}
		}
		return cmp.Or(curr, def), true
	},
	// count(collection or string)
	"count": func(args []*ast.Term) (*ast.Term, bool) {
		return Int(length(args[0].Value)), true
	},
	// x in collection
	"internal.member_2": func(args []*ast.Term) (*ast.Term, bool) {
		x := args[0]
		switch c := args[1].Value.(type) {
		case *Array:
			return ast.InternedTerm(slices.ContainsFunc(c.elems, func(e *ast.Term) bool { return equal(x, e) })), true
		case *Object:
			return ast.InternedTerm(slices.ContainsFunc(c.items, func(it item) bool { return equal(x, it.v) })), true
		}
		return nil, false
	},
	"is_array":   typeIs[*Array],
	"is_object":  typeIs[*Object],
	"is_string":  typeIs[ast.String],
	"is_number":  typeIs[ast.Number],
	"is_boolean": typeIs[ast.Boolean],
	"is_null":    typeIs[ast.Null],
	"is_set":     typeIs[ast.Set],
	"type_name": func(args []*ast.Term) (*ast.Term, bool) {
		switch args[0].Value.(type) {
		case *Array:
			return ast.InternedTerm("array"), true
		case *Object:
			return ast.InternedTerm("object"), true
		}
		return nil, false
	},
}

// typeIs is a type check on a value: onInput calls it only when the value
// is an Object or Array.
func typeIs[T ast.Value](args []*ast.Term) (*ast.Term, bool) {
	_, ok := args[0].Value.(T)
	return ast.InternedTerm(ok), true
}
