package load

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/load/tfhcl"
)

// module is a Terraform module directory to evaluate from its HCL source.
type module struct {
	dir  string // as displayed
	root string // tree that file functions may read
	// focus lists the files the user named: a pre-commit hook passes the
	// changed files, and the module around them is evaluated for their
	// context but only their resources are reported. Empty means all.
	focus []string
}

// isTerraform reports whether a file is Terraform source or a variables
// file (read with its module, never alone).
func isTerraform(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json") || isVarFile(name)
}

func isVarFile(name string) bool {
	return strings.HasSuffix(name, ".tfvars") || strings.HasSuffix(name, ".tfvars.json")
}

// terraformModules takes the Terraform source files out of files and
// returns the modules to evaluate: for each directory input, the root
// modules below it (directories with .tf files that no other of them calls
// as a local module); for each named .tf file, its directory, reporting
// that file only. A module found both ways is evaluated once, whole.
func terraformModules(files []file) (rest []file, modules []module, diags document.Diagnostics) {
	walked := map[string][]string{} // directory input → module directories
	seen := map[string]bool{}       // input + module directory
	named := map[string][]string{}  // module directory → named files
	wholeNamed := map[string]bool{} // module directories reported whole
	var roots []string
	for _, f := range files {
		if !isTerraform(f.name) {
			rest = append(rest, f)
			continue
		}
		switch {
		case f.data != nil:
			diags = append(diags, document.Errorf(document.Location{File: f.name, Line: 1},
				"unsupported input: Terraform source is read from its module directory, not from bytes"))
		case f.explicit && isVarFile(f.name):
			// A changed variables file changes the whole module.
			dir := displayName(filepath.Dir(f.path))
			wholeNamed[dir] = true
			named[dir] = append(named[dir], f.name)
		case f.explicit:
			dir := displayName(filepath.Dir(f.path))
			named[dir] = append(named[dir], f.name)
		case isVarFile(f.name):
			// Read by the module it belongs to.
		default:
			if _, ok := walked[f.root]; !ok {
				roots = append(roots, f.root)
			}
			dir := displayName(filepath.Dir(f.path))
			if key := f.root + "\x00" + dir; !seen[key] {
				seen[key] = true
				walked[f.root] = append(walked[f.root], dir)
			}
		}
	}
	whole := map[string]bool{}
	for _, root := range roots {
		for _, dir := range tfhcl.Roots(walked[root]) {
			if !whole[dir] {
				whole[dir] = true
				modules = append(modules, module{dir: dir, root: displayName(root)})
			}
		}
	}
	dirs := make([]string, 0, len(named))
	for dir := range named {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		if !whole[dir] {
			m := module{dir: dir, root: namedRoot(dir), focus: named[dir]}
			if wholeNamed[dir] {
				m.focus = nil
			}
			modules = append(modules, m)
		}
	}
	return rest, modules, diags
}

// namedRoot is the tree file functions may read for a module the user
// reached by naming one of its files: the working directory when the
// module is inside it (a hook runs at the repository's top), else the
// module directory.
func namedRoot(dir string) string {
	if filepath.IsAbs(dir) || strings.HasPrefix(dir, "../") || dir == ".." {
		return dir
	}
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	return dir
}

func loadModule(ctx context.Context, m module, opts tfhcl.Options) ([]*document.Document, document.Diagnostics) {
	opts.Root = m.root
	res, diags := tfhcl.Evaluate(ctx, m.dir, opts)
	if res == nil || res.Document == nil {
		return nil, diags
	}
	doc := res.Document
	doc.Focus = m.focus
	for i := range doc.Resources {
		doc.Resources[i].Via = res.Via[doc.Resources[i].ID]
	}
	return []*document.Document{doc}, diags
}
