package tfplan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"
)

// TestConfigDecodeMatchesTerraformJSON decodes the configuration of every
// plan fixture with the loader's lean types and with terraform-json's, and
// compares what the loader reads: each module's resources with the
// references of their expressions (nested blocks by path), module call
// arguments and outputs.
func TestConfigDecodeMatchesTerraformJSON(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "tfplan", "*.json"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "parity", "*", "plan.json"))
	files = append(files, more...)
	if len(files) < 5 {
		t.Fatalf("found %d plan fixtures", len(files))
	}
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var plan struct {
			Configuration json.RawMessage `json:"configuration"`
		}
		if json.Unmarshal(data, &plan) != nil || len(plan.Configuration) == 0 {
			continue
		}
		var ours configJSON
		var theirs tfjson.Config
		if err := json.Unmarshal(plan.Configuration, &ours); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := json.Unmarshal(plan.Configuration, &theirs); err != nil {
			t.Fatalf("%s: terraform-json: %v", f, err)
		}
		want := flattenTheirs("", theirs.RootModule)
		if diff := cmp.Diff(want, flattenOurs("", ours.RootModule)); diff != "" {
			t.Errorf("%s (-terraform-json +ours):\n%s", f, diff)
		}
		checked += len(want)
	}
	// The fixtures hold references in resources, nested blocks, module
	// arguments and outputs: enough to compare.
	if checked < 50 {
		t.Fatalf("compared %d references only", checked)
	}
}

// flattenOurs lists "module path / place / attribute path: references".
func flattenOurs(path string, m *moduleJSON) []string {
	if m == nil {
		return nil
	}
	var out []string
	add := func(place string, exprs map[string]*expression) {
		flattenExpressions("", exprs, func(p string, refs []string) {
			out = append(out, path+" "+place+" "+p+": "+join(refs))
		})
	}
	for _, r := range m.Resources {
		add(r.Address, r.Expressions)
	}
	for name, c := range m.ModuleCalls {
		add("module."+name, c.Expressions)
		out = append(out, flattenOurs(joinPath(path, "module."+name), c.Module)...)
	}
	for name, o := range m.Outputs {
		if o.Expression != nil {
			out = append(out, path+" output."+name+": "+join(o.Expression.References))
		}
	}
	slices.Sort(out)
	return out
}

func flattenTheirs(path string, m *tfjson.ConfigModule) []string {
	if m == nil {
		return nil
	}
	var out []string
	var walk func(place, prefix string, exprs map[string]*tfjson.Expression)
	walk = func(place, prefix string, exprs map[string]*tfjson.Expression) {
		for k, e := range exprs {
			if e == nil || e.ExpressionData == nil {
				continue
			}
			p := joinPath(prefix, k)
			for _, b := range e.NestedBlocks {
				walk(place, p, b)
			}
			if len(e.References) > 0 {
				out = append(out, path+" "+place+" "+p+": "+join(e.References))
			}
		}
	}
	for _, r := range m.Resources {
		walk(r.Address, "", r.Expressions)
	}
	for name, c := range m.ModuleCalls {
		walk("module."+name, "", c.Expressions)
		out = append(out, flattenTheirs(joinPath(path, "module."+name), c.Module)...)
	}
	for name, o := range m.Outputs {
		if o.Expression != nil && o.Expression.ExpressionData != nil {
			out = append(out, path+" output."+name+": "+join(o.Expression.References))
		}
	}
	slices.Sort(out)
	return out
}

func join(refs []string) string {
	b, _ := json.Marshal(refs)
	return string(b)
}
