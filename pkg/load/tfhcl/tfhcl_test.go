package tfhcl_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/soc2scan/soc2scan/internal/golden"
	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/load/tfhcl"
)

// summary is what golden files hold of a load: every resource in full, the
// call chains and the diagnostics.
type summary struct {
	Resources   []resource
	Via         map[string][]string
	Diagnostics []string
}

// resource is a document resource with its positions spelled out: the
// position of every leaf of Values.
type resource struct {
	ID, Type, Provider string
	Mode               document.Mode
	Values, Unknown    map[string]any
	Refs               map[string][]string
	Location           string
	Positions          map[string]string
}

func goldenResource(r document.Resource) resource {
	out := resource{ID: r.ID, Type: r.Type, Provider: r.Provider, Mode: r.Mode, Values: r.Values,
		Unknown: r.Unknown, Refs: r.Refs, Location: r.Location.String(), Positions: map[string]string{}}
	var walk func(path []string, v any)
	walk = func(path []string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if len(v) > 0 {
				for k, e := range v {
					walk(append(slices.Clip(path), k), e)
				}
				return
			}
		case []any:
			if len(v) > 0 {
				for i, e := range v {
					walk(append(slices.Clip(path), strconv.Itoa(i)), e)
				}
				return
			}
		}
		line, col := r.Positions.Position(path)
		out.Positions[strings.Join(path, ".")] = fmt.Sprintf("%d:%d", line, col)
	}
	for k, v := range r.Values {
		walk([]string{k}, v)
	}
	return out
}

func summarise(r *tfhcl.Result, diags document.Diagnostics) summary {
	s := summary{Via: map[string][]string{}}
	if r != nil {
		for _, res := range r.Document.Resources {
			s.Resources = append(s.Resources, goldenResource(res))
		}
		for id, locs := range r.Via {
			for _, l := range locs {
				s.Via[id] = append(s.Via[id], l.String())
			}
		}
	}
	for _, d := range diags {
		s.Diagnostics = append(s.Diagnostics, string(d.Severity)+": "+d.Error())
	}
	return s
}

func TestLoadGolden(t *testing.T) {
	dirs, err := os.ReadDir(filepath.Join("testdata", "golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join("testdata", "golden", d.Name())
			r, diags := tfhcl.Evaluate(context.Background(), dir, tfhcl.Options{})
			got, err := json.MarshalIndent(summarise(r, diags), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, dir+".golden", string(got)+"\n")
		})
	}
}
