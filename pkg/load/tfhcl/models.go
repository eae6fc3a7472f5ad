package tfhcl

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"sort"
	"strings"

	version "github.com/hashicorp/go-version"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/soc2scan/soc2scan/pkg/document"
)

// Module models: for well-known registry modules, small modules of our own
// that declare the real module's variables and create, under the real
// addresses and with the real count conditions, the resources our rules
// judge. A call of such a module that terraform init has not installed is
// evaluated against its model instead of being left out. Each model's
// main.tf says which versions it models and from what.
//
//go:embed models
var modelFS embed.FS

// modelPrefix names the files of models in diagnostics: they are not in
// the scanned tree.
const modelPrefix = "soc2scan-models/"

// moduleModel is one model: the registry module it stands for and the
// versions it covers, [min, below).
type moduleModel struct {
	source     string // namespace/name/provider, lower case
	dir        string // in modelFS
	min, below string
	label      string // the covered releases, for messages: "3.5.0–3.8.2"
}

// models is the catalogue. A module may have several models, one per
// range of versions that behave alike for what the model covers.
var models = []moduleModel{
	{source: "terraform-aws-modules/s3-bucket/aws", dir: "models/terraform-aws-modules/s3-bucket/aws/v3",
		min: "3.5.0", below: "3.9.0", label: "3.5.0–3.8.2"},
	{source: "terraform-aws-modules/security-group/aws", dir: "models/terraform-aws-modules/security-group/aws/v4",
		min: "4.0.0", below: "4.15.0", label: "4.0.0–4.14.x"},
	{source: "terraform-aws-modules/alb/aws", dir: "models/terraform-aws-modules/alb/aws/v6",
		min: "6.0.0", below: "7.0.0", label: "6.0.0–6.11.x"},
	{source: "terraform-aws-modules/elb/aws", dir: "models/terraform-aws-modules/elb/aws/v2",
		min: "2.0.0", below: "3.0.0", label: "2.0.0–2.5.x"},
}

// registryAddress returns the namespace/name/provider of a public registry
// module source ("terraform-aws-modules/s3-bucket/aws", optionally prefixed
// with registry.terraform.io/), lower case; "" for any other source.
func registryAddress(source string) string {
	s := strings.ToLower(source)
	s = strings.TrimPrefix(s, "registry.terraform.io/")
	if strings.Contains(s, "//") || strings.Contains(s, "::") || strings.Contains(s, ":") || strings.HasPrefix(s, ".") {
		return ""
	}
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return ""
	}
	for _, p := range parts {
		if p == "" {
			return ""
		}
	}
	return s
}

// modelFor finds the model of a call whose module is not installed. When
// there is none, why says what the warning should add.
func (l *loader) modelFor(c *call) (m *moduleModel, why string) {
	addr := registryAddress(c.source)
	if addr == "" {
		return nil, ""
	}
	var candidates []*moduleModel
	for i := range models {
		if models[i].source == addr {
			candidates = append(candidates, &models[i])
		}
	}
	if len(candidates) == 0 {
		return nil, ""
	}
	labels := make([]string, len(candidates))
	for i, mm := range candidates {
		labels[i] = mm.label
	}
	covered := strings.Join(labels, ", ")
	if c.version == "" {
		return nil, fmt.Sprintf("the call has no version argument, so Terraform installs the newest release, which soc2scan's models (versions %s) do not cover; pin a version to have it judged", covered)
	}
	iv, ok := parseConstraint(c.version)
	if !ok {
		return nil, fmt.Sprintf("its version constraint %q cannot be read", c.version)
	}
	for _, mm := range candidates {
		if iv.within(version.Must(version.NewVersion(mm.min)), version.Must(version.NewVersion(mm.below))) {
			if len(c.blocks) > 0 {
				return nil, fmt.Sprintf("the call has a nested %s block, which a module call cannot take (Terraform rejects it)", c.blocks[0])
			}
			vars := l.parseModel(mm).variables
			for _, name := range c.argNames() {
				if _, ok := vars[name]; !ok {
					return nil, fmt.Sprintf("soc2scan's model of versions %s has no variable %q", mm.label, name)
				}
			}
			return mm, ""
		}
	}
	return nil, fmt.Sprintf("its version constraint %q admits versions that soc2scan's models (versions %s) do not cover", c.version, covered)
}

// argNames returns the names of a call's arguments, sorted.
func (c *call) argNames() []string {
	names := make([]string, 0, len(c.args))
	for n := range c.args {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// parseModel parses the files of a model into a module, once per load.
func (l *loader) parseModel(mm *moduleModel) *module {
	return l.parseModelDir(mm, mm.dir, 0)
}

// parseModelDir parses one directory of a model's tree: the model itself,
// or a submodule it calls with a local source, as the real module calls
// its own (rds/aws creates its instance in ./modules/db_instance), so that
// the submodule's resources get their real addresses. Submodules are
// resolved here, once: they are embedded, the same for every call.
func (l *loader) parseModelDir(mm *moduleModel, dir string, depth int) *module {
	key := modelPrefix + strings.TrimPrefix(dir, "models/")
	if m, ok := l.parsed[key]; ok {
		return m
	}
	m := &module{dir: key, variables: map[string]*variable{}, locals: map[string]*hcl.Attribute{},
		byAddr: map[string]*resource{}, types: map[string]bool{}, callsByNm: map[string]*call{},
		outputs: map[string]*hcl.Attribute{}, providers: map[string]string{}, model: mm}
	entries, _ := fs.ReadDir(modelFS, dir)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tf") {
			continue
		}
		data, err := fs.ReadFile(modelFS, path.Join(dir, e.Name()))
		if err != nil {
			l.diag(document.Errorf(document.Location{File: key}, "reading the model: %v", err))
			continue
		}
		f, diags := l.parser.ParseHCL(data, modelPrefix+strings.TrimPrefix(path.Join(dir, e.Name()), "models/"))
		l.hclDiags(diags)
		if f != nil && !diags.HasErrors() {
			m.add(l, f)
		}
	}
	l.parsed[key] = m
	for _, c := range m.calls {
		sub := path.Clean(path.Join(dir, c.source))
		if !isLocalSource(c.source) || !strings.HasPrefix(sub, mm.dir+"/") || depth+1 > maxModuleDepth {
			l.diag(document.Errorf(c.loc, "a model may call only a submodule of its own tree, not %q", c.source))
			continue
		}
		c.child = l.parseModelDir(mm, sub, depth+1)
	}
	return m
}

// argMark marks a value passed to a model by the call argument at pos, so
// that what the model computes from it is placed on that argument.
type argMark hcl.Pos

// argPosition returns the position of the earliest call argument a value
// was computed from.
func argPosition(v cty.Value) (hcl.Pos, bool) {
	if !v.ContainsMarked() {
		return hcl.Pos{}, false
	}
	var best hcl.Pos
	found := false
	_, pvms := v.UnmarkDeepWithPaths()
	for _, pvm := range pvms {
		for m := range pvm.Marks {
			if a, ok := m.(argMark); ok && (!found || a.Byte < best.Byte) {
				best, found = hcl.Pos(a), true
			}
		}
	}
	return best, found
}

// hclDiags reports diagnostics of an expression of the instance. Those of
// a model are about the user's call, whose arguments the model could not
// use as the real module would: they are placed on the call.
func (mi *modInst) hclDiags(diags hcl.Diagnostics) {
	if mi.modelCall == nil || len(diags) == 0 {
		mi.l.hclDiags(diags)
		return
	}
	c := mi.modelCall
	for _, d := range diags {
		out := document.Diagnostic{Severity: document.Error, Location: c.loc,
			Summary: fmt.Sprintf("%s, judged with soc2scan's model of versions %s: %s", mi.addr, mi.mod.model.label, d.Summary),
			Detail:  d.Detail}
		if d.Severity == hcl.DiagWarning {
			out.Severity = document.Warning
		}
		mi.l.diag(out)
	}
}

// modelFunctions are the functions of a model's expressions: Terraform's,
// and unknown(), a value known only after apply, for what a model cannot
// know (a named rule its table lacks) and must not guess.
func (l *loader) modelFunctions() map[string]function.Function {
	if l.modelFuncs == nil {
		l.modelFuncs = make(map[string]function.Function, len(l.funcs)+1)
		maps.Copy(l.modelFuncs, l.funcs)
		l.modelFuncs["unknown"] = function.New(&function.Spec{
			Type: function.StaticReturnType(cty.DynamicPseudoType),
			Impl: func([]cty.Value, cty.Type) (cty.Value, error) { return cty.DynamicVal, nil },
		})
	}
	return l.modelFuncs
}
