package yamlvalue

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/soc2scan/soc2scan/internal/kubegen"
)

func TestDecodeValues(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []any
	}{
		{
			name: "scalars as JSON would have them",
			in: "s: text\nq: \"123\"\ni: 42\nh: 0x1F\nneg: -7\nf: 1.5\nexp: 1e3\nb: true\nB: False\nyes: yes\n" +
				"n: null\ntilde: ~\nempty:\ninf: .inf\nnan: .nan\nts: 2026-01-02T03:04:05Z\nbig: 99999999999999999999\n",
			want: []any{map[string]any{
				"s": "text", "q": "123", "i": int64(42), "h": int64(31), "neg": int64(-7), "f": 1.5, "exp": 1000.0,
				"b": true, "B": false, "yes": "yes", "n": nil, "tilde": nil, "empty": nil,
				"inf": ".inf", "nan": ".nan", "ts": "2026-01-02T03:04:05Z", "big": 1e20,
			}},
		},
		{
			name: "non-string keys become strings",
			in:   "1: one\ntrue: yes\n",
			want: []any{map[string]any{"1": "one", "true": "yes"}},
		},
		{
			name: "anchors, aliases and merge keys",
			in: "base: &base {cpu: 1, mem: 2}\nother: &other {gpu: 1}\n" +
				"one: {<<: *base, mem: 3}\nmany:\n  <<: [*base, *other]\n  cpu: 9\nlist: [*base]\n",
			want: []any{map[string]any{
				"base":  map[string]any{"cpu": int64(1), "mem": int64(2)},
				"other": map[string]any{"gpu": int64(1)},
				"one":   map[string]any{"cpu": int64(1), "mem": int64(3)},
				"many":  map[string]any{"cpu": int64(9), "mem": int64(2), "gpu": int64(1)},
				"list":  []any{map[string]any{"cpu": int64(1), "mem": int64(2)}},
			}},
		},
		{
			name: "multi-document with empty and comment-only documents",
			in:   "# header\n---\na: 1\n---\n---\n# just a comment\n---\n- x\n- y\n...\n",
			want: []any{map[string]any{"a": int64(1)}, []any{"x", "y"}},
		},
		{
			name: "Windows line endings and a byte-order mark",
			in:   "\ufeffa: 1\r\nb:\r\n  - c\r\n",
			want: []any{map[string]any{"a": int64(1), "b": []any{"c"}}},
		},
		{
			name: "JSON",
			in:   `{"a": [1, 2.5, "x", null, true], "b": {}}`,
			want: []any{map[string]any{"a": []any{int64(1), 2.5, "x", nil, true}, "b": map[string]any{}}},
		},
		{
			name: "custom tags keep the written value",
			in:   "bucket: !Ref Bucket\nlist: !GetAZs ''\n",
			want: []any{map[string]any{"bucket": "Bucket", "list": ""}},
		},
		{name: "empty", in: "", want: nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := Decode([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []any
			for _, d := range docs {
				got = append(got, d.Value)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		line     int
		contains string
		docs     int // documents decoded before the error
	}{
		{name: "bad indentation", in: "a: 1\n b: 2\n", line: 2, contains: "mapping values are not allowed"},
		{name: "error in the third document", in: "a: 1\n---\nb: 2\n---\nc: [1, 2\n", line: 5, docs: 2, contains: "did not find expected"},
		{name: "unknown alias", in: "a: *nothing\n", line: 1, contains: "unknown anchor"},
		{name: "tab indentation", in: "a:\n\t- b\n", line: 2, contains: "cannot start any token"},
		{name: "key out of its mapping", in: "a:\n  b: 1\n c: 2\n", line: 3, contains: "did not find expected key"},
		{
			name: "billion laughs",
			in: "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
				"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
				"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
				"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n",
			contains: "too large after expanding aliases",
		},
		{name: "mapping keyed by an alias to itself", in: "a: &a { *a}\n", line: 1, contains: "refers to a value that contains it"},
		{name: "mapping merging itself", in: "a: &a {x: 1, <<: *a}\n", line: 1, contains: "refers to a value that contains it"},
		{name: "merge of a scalar", in: "a: &a 1\nb: {<<: *a}\n", line: 1, contains: "merge key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := Decode([]byte(tc.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want an *Error", err)
			}
			if !strings.Contains(e.Msg, tc.contains) || (tc.line != 0 && e.Line != tc.line) {
				t.Errorf("error %q at line %d, want %q at line %d", e.Msg, e.Line, tc.contains, tc.line)
			}
			if len(docs) != tc.docs {
				t.Errorf("%d documents before the error, want %d", len(docs), tc.docs)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	in := "# comment\n" + // 1
		"---\n" + // 2
		"kind: Pod\n" + // 3
		"spec:\n" + // 4
		"  containers:\n" + // 5
		"    - name: app\n" + // 6
		"      image: nginx\n" + // 7
		"      securityContext:\n" + // 8
		"        privileged: true\n" + // 9
		"defaults: &d {x: 1}\n" + // 10
		"use: *d\n" // 11
	docs, err := Decode([]byte(in))
	if err != nil || len(docs) != 1 {
		t.Fatalf("docs %d, err %v", len(docs), err)
	}
	d := docs[0]
	tests := []struct {
		path []string
		line int
	}{
		{nil, 3},
		{[]string{"spec"}, 4},
		{[]string{"spec", "containers", "0"}, 6},
		{[]string{"spec", "containers", "0", "securityContext", "privileged"}, 9},
		{[]string{"spec", "containers", "0", "securityContext", "runAsNonRoot"}, 8}, // absent: its parent
		{[]string{"spec", "containers", "3", "image"}, 5},
		{[]string{"use", "x"}, 10}, // through the alias, where the value is written
	}
	for _, tc := range tests {
		if line, _ := d.Position(tc.path); line != tc.line {
			t.Errorf("Position(%v) = line %d, want %d", tc.path, line, tc.line)
		}
	}
	sub := d.Sub([]string{"spec", "containers", "0"}, nil)
	if sub.Line != 6 {
		t.Errorf("Sub line %d, want 6", sub.Line)
	}
	if line, _ := sub.Position([]string{"securityContext"}); line != 8 {
		t.Errorf("Sub Position line %d, want 8", line)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"a: 1\n", "---\n- [a, {b: c}]\n", "a: &a {b: *a}\n", "{\"a\": [1, 2]}", "<<: [*x]\n",
		"a: &a [1]\nb: {<<: *a}\n", "? [a, b]\n: c\n", "!!binary aGVsbG8=\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkPositions(t, "fuzz", data)
	})
}

// TestPositionDuplicateKey: of duplicate keys the converter keeps the last
// value, and Position names the line of that one.
func TestPositionDuplicateKey(t *testing.T) {
	docs, err := Decode([]byte("a: 1\nb:\n  c: 2\na: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := docs[0].Value.(map[string]any)["a"]; got != int64(3) {
		t.Errorf("value of a = %v, want 3", got)
	}
	for path, want := range map[string]int{"a": 4, "b": 2, "b.c": 3} {
		if line, _ := docs[0].Position(strings.Split(path, ".")); line != want {
			t.Errorf("Position(%s) = line %d, want %d", path, line, want)
		}
	}
}

// TestPositionsMatchNodes holds the flat position index to the parser's
// node tree, which it replaces: every key and item of every document of
// the repository's YAML and JSON test data and of generated manifests
// (and a key past each) is located on the same line and column both ways.
func TestPositionsMatchNodes(t *testing.T) {
	files := map[string][]byte{
		"aliases": []byte("base: &b {cpu: 1, list: &l [x, {y: 2}]}\nuse: *b\nitems: [*b, *l]\nm:\n  <<: *b\n  z: 1\n"),
		"dup":     []byte("a: 1\nb:\n  c: 2\na: {d: 3}\n"),
		"multi":   []byte("---\na: 1\n---\n# only a comment\n---\n- b\n- {c: [1, 2]}\n"),
	}
	for _, f := range kubegen.Generate(50) {
		files[f.Name] = f.Data
	}
	root := filepath.Join("..", "..", "..", "..", "testdata")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".yaml", ".yml", ".json":
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files[path] = data
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	paths := 0
	for name, data := range files {
		paths += checkPositions(t, name, data)
	}
	if paths < 10000 {
		t.Errorf("compared %d paths in %d files: too few to mean much", paths, len(files))
	}
}

// checkPositions decodes data and compares Position and Sub at every path
// of every document with a walk of the parser's nodes; it returns the
// number of paths compared.
func checkPositions(t *testing.T, name string, data []byte) int {
	t.Helper()
	docs, _ := Decode(data)
	var roots []*yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for len(roots) < len(docs) {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			t.Fatalf("%s: %v after %d of %d documents", name, err, len(roots), len(docs))
		}
		if n.Kind != yaml.DocumentNode || len(n.Content) == 0 {
			continue
		}
		if r := n.Content[0]; r.Kind != yaml.ScalarNode || r.ShortTag() != "!!null" || r.Value != "" {
			roots = append(roots, r)
		}
	}
	count := 0
	for i := range docs {
		d := &docs[i]
		var walk func(path []string, v any)
		walk = func(path []string, v any) {
			if count++; count > 100000 {
				return // aliases can multiply the paths of a small input
			}
			for _, p := range [][]string{path, append(slices.Clip(path), "zz")} {
				line, col := d.Position(p)
				wl, wc := nodePosition(roots[i], p)
				if wl == 0 {
					wl, wc = d.Line, d.Column
				}
				if line != wl || col != wc {
					t.Errorf("%s document %d: Position(%q) = %d:%d, nodes say %d:%d", name, i, p, line, col, wl, wc)
				}
			}
			if sub, want := d.Sub(path, nil), nodeSub(roots[i], path); want != nil && (sub.Line != want.Line || sub.Column != want.Column) {
				t.Errorf("%s document %d: Sub(%q) at %d:%d, nodes say %d:%d", name, i, path, sub.Line, sub.Column, want.Line, want.Column)
			}
			switch v := v.(type) {
			case map[string]any:
				for _, k := range slices.Sorted(maps.Keys(v)) {
					walk(append(slices.Clip(path), k), v[k])
				}
			case []any:
				for j, e := range v {
					walk(append(slices.Clip(path), strconv.Itoa(j)), e)
				}
			}
		}
		walk(nil, d.Value)
	}
	return count
}

// nodePosition is Position on the parser's nodes: the position of the
// deepest key or item of path found, 0:0 when none is.
func nodePosition(n *yaml.Node, path []string) (line, col int) {
	for _, p := range path {
		var k *yaml.Node
		if n, k = nodeChild(n, p); n == nil {
			break
		}
		line, col = k.Line, k.Column
	}
	return line, col
}

// nodeSub is the node a Sub document at path starts at, nil when the path
// does not exist.
func nodeSub(n *yaml.Node, path []string) *yaml.Node {
	for _, p := range path {
		if n, _ = nodeChild(n, p); n == nil {
			return nil
		}
	}
	return resolve(n)
}

func nodeChild(n *yaml.Node, p string) (value, name *yaml.Node) {
	n = resolve(n)
	switch {
	case n == nil:
	case n.Kind == yaml.MappingNode:
		for i := len(n.Content)&^1 - 2; i >= 0; i -= 2 {
			if k := n.Content[i]; k.Value == p {
				return n.Content[i+1], k
			}
		}
	case n.Kind == yaml.SequenceNode:
		if i, err := strconv.Atoi(p); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i], n.Content[i]
		}
	}
	return nil, nil
}
