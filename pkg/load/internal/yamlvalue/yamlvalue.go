// Package yamlvalue decodes YAML and JSON streams into the plain values rules
// read (maps, slices, strings, numbers, booleans, nil), keeping the lines of
// each document's keys and items so a finding's attribute path can be
// traced back to its line.
//
// It reads go.yaml.in/yaml/v3 nodes rather than decoding into interfaces:
// nodes carry line and column, and converting them by hand resolves aliases
// and merge keys under a budget (no "billion laughs"), gives JSON-compatible
// values (string keys only, no time.Time, no ±Inf) and costs one pass.
package yamlvalue

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Document is one document of a stream.
type Document struct {
	// Value is the decoded document: a map, slice or scalar.
	Value any
	// Line and Column locate the start of the document's content.
	Line, Column int
	// Index is the document's position among the stream's non-empty
	// documents, from 0.
	Index int

	// pos locates the document's keys and items; at is the entry of the
	// document's own value (a Sub document shares its parent's index).
	pos *positions
	at  int32
}

// Error is a syntax or structure error at a position of the stream.
type Error struct {
	Line, Column int // 1-based; zero when unknown
	Msg          string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Decode reads every document of a YAML (or JSON) stream. Empty documents
// (a lone "---", comments only) are skipped. On a syntax error it returns
// the documents before it with an *Error.
func Decode(data []byte) ([]Document, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	c := &converter{budget: 1_000_000 + 4*len(data)}
	var docs []Document
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return docs, syntaxError(data, err)
		}
		if n.Kind != yaml.DocumentNode || len(n.Content) == 0 {
			continue
		}
		root := n.Content[0]
		if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" && root.Value == "" {
			continue // comments only
		}
		v, err := c.value(root)
		if err != nil {
			return docs, err
		}
		docs = append(docs, Document{Value: v, Line: root.Line, Column: root.Column, Index: len(docs), pos: index(root)})
	}
}

var lineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// syntaxError turns the parser's "yaml: line 3: did not find expected key"
// into an *Error with the line apart. yaml/v3 numbers the lines of its
// parser errors (did not find expected ...) from 0 and those of its scanner
// errors from 1; the line is made 1-based and kept inside the file. An
// unknown anchor comes without a line: it is the first use of the alias.
func syntaxError(data []byte, err error) *Error {
	msg := err.Error()
	e := &Error{Msg: msg}
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		e.Msg = msg[len(m[0]):]
		e.Line, _ = strconv.Atoi(m[1])
	}
	if strings.HasPrefix(e.Msg, "did not find expected") {
		e.Line++
	}
	if m := anchorRE.FindStringSubmatch(e.Msg); m != nil && e.Line == 0 {
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			e.Line = bytes.Count(data[:i], []byte("\n")) + 1
		}
	}
	lines := bytes.Count(bytes.TrimRight(data, "\r\n"), []byte("\n")) + 1
	e.Line = min(e.Line, lines)
	return e
}

var anchorRE = regexp.MustCompile(`^unknown anchor '([^']+)' referenced`)

// Position returns the line and column of the value at path (map keys and
// decimal list indices) in the document: the line of the deepest key or
// item of path that exists, the document's start when none does.
func (d *Document) Position(path []string) (line, column int) {
	line, column = d.Line, d.Column
	if d.pos == nil {
		return line, column
	}
	at := d.at
	for _, p := range path {
		if at = d.pos.child(at, p); at < 0 {
			break
		}
		e := &d.pos.entries[at]
		line, column = int(e.line), int(e.col)
	}
	return line, column
}

// positions is a document's keys and items with their lines, laid out
// flat: the children of a mapping or sequence are consecutive entries.
// Documents keep it instead of the parser's node tree, which is several
// times larger, pointer-rich, and kept alive for a whole scan would be
// traced by every garbage collection of the scan.
//
// Neither holds a pointer (keys are ranges of names), so the collector,
// which traces a scan's live heap again at each collection, skips both.
type positions struct {
	entries []entry
	names   []byte // the keys, one after another
}

// entry is a mapping entry (its key) or a sequence item, and the mapping
// or sequence that is its value, if any: entries[first:first+n].
type entry struct {
	key, keyLen uint32 // the key as written, names[key:key+keyLen]; empty for items
	line, col   int32  // of the key, or of the item
	vline, vcol int32  // of the value, aliases followed
	first, n    int32
	kind        yaml.Kind // of the value, aliases followed
}

// index lays out the positions of the document rooted at root.
func index(root *yaml.Node) *positions {
	entries, names := count(root)
	p := &positions{entries: make([]entry, 1, 1+entries), names: make([]byte, 0, names)}
	anchors := map[*yaml.Node]int32{}
	r := resolve(root)
	p.entries[0] = entry{line: int32(root.Line), col: int32(root.Column), vline: int32(r.Line), vcol: int32(r.Column)}
	p.fill(0, root, anchors)
	return p
}

// count is the number of entries below n, the keys and items of its
// mappings and sequences (aliases not followed), and the length of their
// keys.
func count(n *yaml.Node) (entries, names int) {
	switch n.Kind {
	case yaml.MappingNode:
		entries = len(n.Content) / 2
		for i := 0; i+1 < len(n.Content); i += 2 {
			e, k := count(n.Content[i+1])
			entries, names = entries+e, names+k+len(n.Content[i].Value)
		}
	case yaml.SequenceNode:
		entries = len(n.Content)
		for _, item := range n.Content {
			e, k := count(item)
			entries, names = entries+e, names+k
		}
	}
	return entries, names
}

// fill lays out the children of n, the value of entry i. Aliases share
// the entries of the node they name, laid out before them (an anchor
// comes before its aliases; the converter has refused cycles).
func (p *positions) fill(i int32, n *yaml.Node, anchors map[*yaml.Node]int32) {
	r := resolve(n)
	if r == nil {
		return
	}
	p.entries[i].kind = r.Kind
	if r != n {
		if at, ok := anchors[r]; ok {
			p.entries[i].first, p.entries[i].n = p.entries[at].first, p.entries[at].n
		}
		return
	}
	if n.Anchor != "" {
		anchors[n] = i
	}
	var step int
	switch n.Kind {
	case yaml.MappingNode:
		step = 2
	case yaml.SequenceNode:
		step = 1
	default:
		return
	}
	first, count := int32(len(p.entries)), int32(len(n.Content)/step)
	p.entries[i].first, p.entries[i].n = first, count
	p.entries = append(p.entries, make([]entry, count)...)
	for j := range count {
		name := n.Content[int(j)*step]
		v := n.Content[int(j)*step+step-1]
		rv := resolve(v)
		if rv == nil {
			rv = v
		}
		e := &p.entries[first+j]
		e.line, e.col, e.vline, e.vcol = int32(name.Line), int32(name.Column), int32(rv.Line), int32(rv.Column)
		if step == 2 {
			e.key, e.keyLen = uint32(len(p.names)), uint32(len(name.Value))
			p.names = append(p.names, name.Value...)
		}
	}
	for j := range count {
		p.fill(first+j, n.Content[int(j)*step+step-1], anchors)
	}
}

// child returns the entry of key or index s of entry i's value, -1 when
// there is none.
func (p *positions) child(i int32, s string) int32 {
	e := &p.entries[i]
	switch e.kind {
	case yaml.MappingNode:
		// The last of duplicate keys is the one whose value the converter
		// keeps: search from the end.
		for j := e.first + e.n - 1; j >= e.first; j-- {
			if k := &p.entries[j]; int(k.keyLen) == len(s) && string(p.names[k.key:k.key+k.keyLen]) == s {
				return j
			}
		}
	case yaml.SequenceNode:
		if k, err := strconv.Atoi(s); err == nil && k >= 0 && k < int(e.n) {
			return e.first + int32(k)
		}
	}
	return -1
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// converter turns nodes into values. budget bounds the number of nodes
// produced, so aliases cannot expand a small file into a huge value.
type converter struct {
	budget int
	depth  int
	active map[*yaml.Node]bool // alias targets being expanded
}

// maxDepth bounds nesting, which aliases can deepen beyond what the parser
// allows.
const maxDepth = 1000

func (c *converter) value(n *yaml.Node) (any, error) {
	c.budget--
	if c.budget < 0 {
		return nil, &Error{Line: n.Line, Column: n.Column, Msg: "document too large after expanding aliases"}
	}
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > maxDepth {
		return nil, &Error{Line: n.Line, Column: n.Column, Msg: fmt.Sprintf("values nested more than %d deep", maxDepth)}
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return scalar(n), nil
	case yaml.SequenceNode:
		out := make([]any, len(n.Content))
		for i, item := range n.Content {
			v, err := c.value(item)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		return out, c.mapping(n, out)
	case yaml.AliasNode:
		if c.active[n.Alias] {
			return nil, &Error{Line: n.Line, Column: n.Column, Msg: fmt.Sprintf("alias *%s refers to a value that contains it", n.Value)}
		}
		if c.active == nil {
			c.active = map[*yaml.Node]bool{}
		}
		c.active[n.Alias] = true
		defer delete(c.active, n.Alias)
		return c.value(n.Alias)
	}
	return nil, &Error{Line: n.Line, Column: n.Column, Msg: "unexpected YAML node"}
}

// mapping fills out with n's entries. Merge keys ("<<: *base") add the
// entries of the merged mappings that n does not set itself.
func (c *converter) mapping(n *yaml.Node, out map[string]any) error {
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			merges = append(merges, v)
			continue
		}
		name, err := key(c, k)
		if err != nil {
			return err
		}
		val, err := c.value(v)
		if err != nil {
			return err
		}
		out[name] = val
	}
	for _, merge := range merges {
		// Values are taken through the alias nodes, so a mapping merging
		// itself is caught as an alias cycle.
		m := resolve(merge)
		var sources []*yaml.Node
		switch m.Kind {
		case yaml.MappingNode:
			sources = []*yaml.Node{merge}
		case yaml.SequenceNode:
			sources = m.Content
		default:
			return &Error{Line: m.Line, Column: m.Column, Msg: "merge key (<<) value is not a mapping"}
		}
		for _, s := range sources {
			merged, err := c.value(s)
			if err != nil {
				return err
			}
			mm, ok := merged.(map[string]any)
			if !ok {
				return &Error{Line: s.Line, Column: s.Column, Msg: "merge key (<<) value is not a mapping"}
			}
			for k, v := range mm {
				if _, set := out[k]; !set {
					out[k] = v
				}
			}
		}
	}
	return nil
}

// key is a mapping key as a string: rules read JSON objects, whose keys are
// strings, so `1: x` and `true: y` become "1" and "true", and a complex key
// ([a, b]: c) its value printed.
func key(c *converter, k *yaml.Node) (string, error) {
	if r := resolve(k); r != nil && r.Kind == yaml.ScalarNode {
		return r.Value, nil
	}
	v, err := c.value(k)
	if err != nil {
		return "", err
	}
	return fmt.Sprint(v), nil
}

// scalar resolves a scalar by its tag, as YAML 1.2's core schema (the one
// yaml/v3 implements) does. Values JSON cannot hold (.inf, .nan, binary,
// timestamps) stay strings, as they are written.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!int":
		if i, err := strconv.ParseInt(strings.TrimPrefix(n.Value, "+"), 0, 64); err == nil {
			return i
		}
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f
		}
	}
	return n.Value
}

// Sub returns the part of the document at path as a document of its own,
// with value as its value (the caller has it already): a List's item keeps
// its own positions.
func (d *Document) Sub(path []string, value any) Document {
	sub := Document{Value: value, Line: d.Line, Column: d.Column, Index: d.Index, pos: d.pos, at: d.at}
	if d.pos == nil {
		return sub
	}
	at := d.at
	for _, p := range path {
		if at = d.pos.child(at, p); at < 0 {
			return sub
		}
	}
	e := &d.pos.entries[at]
	sub.Line, sub.Column, sub.at = int(e.vline), int(e.vcol), at
	return sub
}
