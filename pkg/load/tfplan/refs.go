package tfplan

import (
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/soc2scan/soc2scan/pkg/document"
)

// maxRefSteps bounds the work of resolving one expression's references
// through module inputs and outputs, so that no configuration, however
// cyclic or malicious, can make the loader loop.
const maxRefSteps = 4096

// walk is the state of resolving one expression: each (module instance,
// reference) pair is followed once.
type walk struct {
	seen  map[string]bool
	steps int
}

func (w *walk) visit(module, cfgPath, fromKey, ref string) bool {
	w.steps++
	key := module + "\x00" + cfgPath + "\x00" + fromKey + "\x00" + ref
	if w.steps > maxRefSteps || w.seen[key] {
		return false
	}
	w.seen[key] = true
	return true
}

// linkReferences fills each resource's Refs from the configuration and from
// values that name another resource's id or ARN.
func linkReferences(res []document.Resource, insts []instance, modules []string, cfg *configJSON) {
	l := newLinker(insts, modules, cfg)
	for i := range res {
		refs := map[string][]string{}
		cr := l.configResource(insts[i])
		if cr != nil {
			res[i].Unknown = configuredUnknowns(res[i].Unknown, cr.Expressions)
			flattenExpressions("", cr.Expressions, func(path string, refStrs []string) {
				for _, id := range l.resolveAll(refStrs, insts[i].module, l.configPath(insts[i].module), instanceKey(insts[i].res.Address), &walk{seen: map[string]bool{}}) {
					if id != res[i].ID {
						refs[path] = append(refs[path], id)
					}
				}
			})
		}
		l.valueRefs(insts[i], refs)
		for path, ids := range refs {
			slices.Sort(ids)
			refs[path] = slices.Compact(ids)
		}
		if len(refs) > 0 {
			res[i].Refs = refs
		}
	}
}

// configuredUnknowns keeps the unknown marks of the attributes that the
// configuration sets. An attribute the configuration leaves out but the
// provider computes (aws_s3_bucket's server_side_encryption_configuration,
// say) shows as unknown in a plan, while in the HCL source it is simply
// absent; dropping the mark makes a rule give the same answer on both, and
// "unknown" keeps its meaning: the value the user configured is known only
// after apply.
func configuredUnknowns(unknown map[string]any, exprs map[string]*expression) map[string]any {
	if len(unknown) == 0 {
		return unknown
	}
	out := make(map[string]any, len(unknown))
	for k, v := range unknown {
		if _, set := exprs[k]; set {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// configModule is a module of the configuration with its place in the tree.
type configModule struct {
	mod       *moduleJSON
	resources map[string]*resourceJSON // by address inside the module
	parent    string                   // configuration path of the caller
	call      *callJSON
}

type linker struct {
	// byConfig maps a module instance and a resource's configuration
	// address inside it ("module.a[0]\x00aws_s3_bucket.b") to instance IDs.
	byConfig map[string][]string
	// children maps a module instance and a call name to the module
	// instances that call creates.
	children map[string][]string
	// configs maps a configuration path ("module.a.module.b") to its module.
	configs map[string]configModule
	// identities maps id and ARN values to the resources that have them.
	identities map[string][]string
	// resources maps an instance ID to the instance.
	resources map[string]instance
}

func newLinker(insts []instance, modules []string, cfg *configJSON) *linker {
	l := &linker{
		byConfig:   map[string][]string{},
		children:   map[string][]string{},
		configs:    map[string]configModule{},
		identities: map[string][]string{},
		resources:  make(map[string]instance, len(insts)),
	}
	for _, in := range insts {
		l.resources[in.res.Address] = in
		r := in.res
		l.byConfig[in.module+"\x00"+configAddress(r)] = append(l.byConfig[in.module+"\x00"+configAddress(r)], r.Address)
		for _, attr := range []string{"id", "arn"} {
			if v, ok := r.AttributeValues[attr].(string); ok && len(v) >= 3 {
				l.identities[v] = append(l.identities[v], r.Address)
			}
		}
	}
	for _, m := range modules {
		segs := splitModule(m)
		if len(segs) == 0 {
			continue
		}
		parent := joinModule(segs[:len(segs)-1])
		name := segs[len(segs)-1].name
		l.children[parent+"\x00"+name] = append(l.children[parent+"\x00"+name], m)
	}
	if cfg != nil && cfg.RootModule != nil {
		var walk func(path string, m *moduleJSON)
		walk = func(path string, m *moduleJSON) {
			for name, call := range m.ModuleCalls {
				if call == nil || call.Module == nil {
					continue
				}
				child := joinPath(path, "module."+name)
				if _, seen := l.configs[child]; seen {
					continue
				}
				l.configs[child] = newConfigModule(call.Module, path, call)
				walk(child, call.Module)
			}
		}
		l.configs[""] = newConfigModule(cfg.RootModule, "", nil)
		walk("", cfg.RootModule)
	}
	return l
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// configResource returns the configuration block of a resource instance.
func (l *linker) configResource(in instance) *resourceJSON {
	cm, ok := l.configs[l.configPath(in.module)]
	if !ok || cm.mod == nil {
		return nil
	}
	return cm.resources[configAddress(in.res)]
}

func newConfigModule(m *moduleJSON, parent string, call *callJSON) configModule {
	cm := configModule{mod: m, parent: parent, call: call, resources: make(map[string]*resourceJSON, len(m.Resources))}
	for _, cr := range m.Resources {
		if cr != nil {
			cm.resources[cr.Address] = cr
		}
	}
	return cm
}

// configPath strips the instance keys from a module instance address.
func (l *linker) configPath(module string) string {
	segs := splitModule(module)
	for i := range segs {
		segs[i].key = ""
	}
	return joinModule(segs)
}

// resolveAll resolves the references of one expression. Terraform lists a
// keyed reference together with its unkeyed resource (aws_s3_bucket.b["x"]
// and aws_s3_bucket.b): the unkeyed one is dropped where a keyed one names
// the same resource, so that it does not widen the result to every instance.
func (l *linker) resolveAll(refs []string, module, cfgPath, fromKey string, w *walk) []string {
	keyed := map[string]bool{}
	parsed := make([][]string, len(refs))
	for i, ref := range refs {
		parsed[i] = splitRef(ref)
		if base, key := refTarget(parsed[i]); key != "" {
			keyed[base] = true
		}
	}
	var out []string
	for i, parts := range parsed {
		if base, key := refTarget(parts); base != "" && key == "" && keyed[base] {
			continue
		}
		if !w.visit(module, cfgPath, fromKey, refs[i]) {
			continue
		}
		out = append(out, l.resolve(parts, module, cfgPath, fromKey, w)...)
	}
	return out
}

// refTarget returns the resource or module call a reference names and its
// instance key, or "" for references to variables, locals and the like.
func refTarget(parts []string) (base, key string) {
	switch {
	case len(parts) >= 2 && parts[0] == "module":
		name, key := splitKey(parts[1])
		return "module." + name, key
	case len(parts) >= 3 && parts[0] == "data":
		name, key := splitKey(parts[2])
		return "data." + parts[1] + "." + name, key
	case len(parts) >= 2 && !isPseudo(parts[0]):
		name, key := splitKey(parts[1])
		return parts[0] + "." + name, key
	}
	return "", ""
}

func isPseudo(s string) bool {
	switch s {
	case "var", "local", "count", "each", "path", "terraform", "self", "module", "data":
		return true
	}
	return false
}

// resolve turns one reference, made inside the given module instance, into
// the IDs of the resource instances it reaches.
func (l *linker) resolve(parts []string, module, cfgPath, fromKey string, w *walk) []string {
	if len(parts) < 2 {
		return nil
	}
	switch parts[0] {
	case "var":
		if module == "" {
			return nil // root variables are constants
		}
		cm, ok := l.configs[cfgPath]
		if !ok || cm.call == nil {
			return nil
		}
		e := cm.call.Expressions[parts[1]]
		if e == nil {
			return nil
		}
		segs := splitModule(module)
		parent := joinModule(segs[:len(segs)-1])
		return l.resolveAll(e.References, parent, cm.parent, segs[len(segs)-1].key, w)
	case "module":
		if len(parts) < 3 {
			return nil
		}
		name, key := splitKey(parts[1])
		childPath := joinPath(cfgPath, "module."+name)
		cm, ok := l.configs[childPath]
		if !ok {
			return nil
		}
		out := cm.mod.Outputs[parts[2]]
		if out == nil || out.Expression == nil {
			return nil
		}
		var ids []string
		for _, child := range l.children[module+"\x00"+name] {
			if key != "" && instanceKey(child) != key {
				continue
			}
			ids = append(ids, l.resolveAll(out.Expression.References, child, childPath, "", w)...)
		}
		return ids
	}
	base, key := refTarget(parts)
	if base == "" {
		return nil
	}
	cands := l.byConfig[module+"\x00"+base]
	switch {
	case key != "":
		return filterKey(cands, key)
	case len(cands) > 1 && fromKey != "":
		// aws_s3_bucket.b[count.index] and aws_s3_bucket.b[each.key] show
		// as the bare resource; the instance with the referrer's own key
		// is the one meant when it exists.
		if same := filterKey(cands, fromKey); len(same) > 0 {
			return same
		}
	}
	return cands
}

func filterKey(ids []string, key string) []string {
	var out []string
	for _, id := range ids {
		if instanceKey(id) == key {
			out = append(out, id)
		}
	}
	return out
}

// valueRefs adds a reference wherever a string value equals another
// resource's id or ARN: the only link a state file, or a reference made
// through a local value, leaves. Two guards keep it from inventing links:
// where the state lists the resource's dependencies, the target must be one
// of them; and where the value is also the resource's own id (an S3 bucket's
// bucket is its id, and so is the id of the bucket's encryption
// configuration), only a target whose type names the parent of this one
// (aws_s3_bucket for aws_s3_bucket_*) counts.
func (l *linker) valueRefs(in instance, refs map[string][]string) {
	r := in.res
	own := map[string]bool{}
	for _, attr := range []string{"id", "arn"} {
		if v, ok := r.AttributeValues[attr].(string); ok {
			own[v] = true
		}
	}
	var deps map[string]bool
	if len(r.DependsOn) > 0 {
		deps = map[string]bool{}
		for _, d := range r.DependsOn {
			deps[d] = true
		}
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case string:
			if path == "id" || path == "arn" {
				return
			}
			for _, id := range l.identities[v] {
				t := l.resources[id]
				switch {
				case id == r.Address:
				case deps != nil && !deps[joinPath(t.module, configAddress(t.res))] && !deps[joinPath(l.configPath(t.module), configAddress(t.res))]:
				case own[v] && !strings.HasPrefix(r.Type, t.res.Type+"_"):
				default:
					refs[path] = append(refs[path], id)
				}
			}
		case []any:
			for _, e := range v {
				walk(path, e)
			}
		case map[string]any:
			for k, e := range v {
				walk(joinPath(path, k), e)
			}
		}
	}
	walk("", r.AttributeValues)
}

// flattenExpressions calls fn with the dotted path of every expression that
// has references; nested blocks add their name to the path.
func flattenExpressions(prefix string, exprs map[string]*expression, fn func(path string, refs []string)) {
	for k, e := range exprs {
		if e == nil {
			continue
		}
		path := joinPath(prefix, k)
		for _, block := range e.NestedBlocks {
			flattenExpressions(path, block, fn)
		}
		if len(e.References) > 0 {
			fn(path, e.References)
		}
	}
}

// configAddress is a resource's address inside its module, without key.
func configAddress(r *stateResource) string {
	if r.Mode == tfjson.DataResourceMode {
		return "data." + r.Type + "." + r.Name
	}
	return r.Type + "." + r.Name
}

// moduleSegment is one "module.NAME[KEY]" step of a module address.
type moduleSegment struct {
	name string
	key  string // with brackets, e.g. `[0]` or `["a"]`; "" when none
}

// splitModule splits a module instance address into its steps.
func splitModule(addr string) []moduleSegment {
	parts := splitRef(addr)
	var segs []moduleSegment
	for i := 0; i+1 < len(parts); i += 2 {
		if parts[i] != "module" {
			break
		}
		name, key := splitKey(parts[i+1])
		segs = append(segs, moduleSegment{name: name, key: key})
	}
	return segs
}

func joinModule(segs []moduleSegment) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString("module.")
		b.WriteString(s.name)
		b.WriteString(s.key)
	}
	return b.String()
}

// instanceKey returns the bracketed key that ends an address, or "".
func instanceKey(addr string) string {
	parts := splitRef(addr)
	if len(parts) == 0 {
		return ""
	}
	_, key := splitKey(parts[len(parts)-1])
	return key
}

// splitRef splits a reference at the dots that are outside brackets and
// quotes: `module.a["x.y"].out` → module, a["x.y"], out.
func splitRef(ref string) []string {
	var parts []string
	depth, start := 0, 0
	inQuote := false
	for i := 0; i < len(ref); i++ {
		switch c := ref[i]; {
		case inQuote && c == '\\':
			i++
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '.' && depth == 0:
			parts = append(parts, ref[start:i])
			start = i + 1
		}
	}
	return append(parts, ref[start:])
}

// splitKey splits `name["k"]` into name and `["k"]`. A trailing index that
// is not a constant (count.index shows as no key at all) is not a key.
func splitKey(s string) (name, key string) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, ""
	}
	key = s[i:]
	if len(key) < 3 || key[len(key)-1] != ']' {
		return s[:i], ""
	}
	inner := key[1 : len(key)-1]
	if len(inner) > 0 && (inner[0] == '"' || (inner[0] >= '0' && inner[0] <= '9')) {
		return s[:i], key
	}
	return s[:i], ""
}
