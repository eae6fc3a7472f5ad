// Package load turns the files a user names into normalised documents: it
// walks directories, detects each file's format by its content and hands it
// to the loader for that format. One file that cannot be read is reported
// and the others are still loaded.
package load

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/load/config"
	"github.com/soc2scan/soc2scan/pkg/load/internal/yamlvalue"
	"github.com/soc2scan/soc2scan/pkg/load/kube"
	"github.com/soc2scan/soc2scan/pkg/load/tfhcl"
	"github.com/soc2scan/soc2scan/pkg/load/tfplan"
)

// MaxFileSize bounds the size of one input file.
const MaxFileSize = 512 << 20

// Input is something to scan: a path on disk (a file or a directory), or
// bytes with the name to report them under.
type Input struct {
	Path string // file or directory; used when Data is nil
	Name string // display name for Data
	Data []byte
}

// Options tune how files are read.
type Options struct {
	// ConfigTypes give JSON/YAML files matching a glob a config type of
	// the user's choice; the first match wins.
	ConfigTypes []config.Mapping
	// Terraform holds the variables for Terraform HCL modules (var files,
	// -var values, the environment for TF_VAR_*); its Root is set per
	// module from the input it was found in.
	Terraform tfhcl.Options
	// Exclude lists path globs (doublestar: *, **, {a,b}) of files and
	// directories a walk leaves out, matched against the path inside the
	// scanned directory and the path as displayed.
	Exclude []string
}

// file is one file to load, with the name it is reported under, its path
// relative to the directory that was scanned (for globs), and whether the
// user named it (a named file that is not recognised is an error; a file
// found by walking is skipped).
type file struct {
	path     string
	name     string
	rel      string
	root     string // the directory input the file was found in; "" for a named file
	data     []byte
	explicit bool
}

// Load reads the inputs and returns their documents in input order, with the
// diagnostics of everything that could not be read. The Kubernetes manifests
// of all inputs form one document, placed where the first of them was.
func Load(ctx context.Context, inputs []Input, opts Options) ([]*document.Document, document.Diagnostics) {
	var diags document.Diagnostics
	var files []file
	for _, in := range inputs {
		if in.Data != nil {
			name := displayName(in.Name)
			files = append(files, file{name: name, rel: name, data: in.Data, explicit: true})
			continue
		}
		found, d := expand(in.Path, opts.Exclude)
		files = append(files, found...)
		diags = append(diags, d...)
	}
	files, modules, d := terraformModules(files)
	diags = append(diags, d...)
	tasks := make([]func() ([]*document.Document, document.Diagnostics), 0, len(files)+len(modules))
	for _, f := range files {
		tasks = append(tasks, func() ([]*document.Document, document.Diagnostics) { return loadFile(f, opts) })
	}
	for _, m := range modules {
		tasks = append(tasks, func() ([]*document.Document, document.Diagnostics) { return loadModule(ctx, m, opts.Terraform) })
	}
	docs := make([][]*document.Document, len(tasks))
	fileDiags := make([]document.Diagnostics, len(tasks))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, task := range tasks {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			docs[i], fileDiags[i] = task()
		}()
	}
	wg.Wait()
	var out, manifests []*document.Document
	kubeAt := -1
	for i := range tasks {
		for _, d := range docs[i] {
			if d.Kind == document.Kubernetes {
				if kubeAt < 0 {
					kubeAt = len(out)
					out = append(out, nil)
				}
				manifests = append(manifests, d)
				continue
			}
			out = append(out, d)
		}
		diags = append(diags, fileDiags[i]...)
	}
	if kubeAt >= 0 {
		out[kubeAt] = kube.Merge(manifests)
	}
	return out, diags
}

// expand lists the files of a path: itself, or the regular files below a
// directory, hidden directories (.git, .terraform) left out unless named.
func expand(path string, exclude []string) ([]file, document.Diagnostics) {
	name := displayName(path)
	info, err := os.Stat(path)
	if err != nil {
		return nil, document.Diagnostics{document.Errorf(document.Location{File: name}, "cannot read: %v", unwrapPathError(err))}
	}
	if !info.IsDir() {
		return []file{{path: path, name: name, rel: name, explicit: true}}, nil
	}
	var files []file
	var diags document.Diagnostics
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, document.Errorf(document.Location{File: displayName(p)}, "cannot read: %v", unwrapPathError(err)))
			return nil
		}
		if p != path && (strings.HasPrefix(d.Name(), ".") || excluded(exclude, path, p)) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(path, p)
			if err != nil {
				rel = p
			}
			files = append(files, file{path: p, name: displayName(p), rel: filepath.ToSlash(rel), root: path})
		}
		return nil
	})
	if err != nil {
		diags = append(diags, document.Errorf(document.Location{File: name}, "cannot walk: %v", err))
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	return files, diags
}

// excluded reports whether a path found below root matches an exclude
// glob, relative to root or as displayed.
func excluded(globs []string, root, p string) bool {
	if len(globs) == 0 {
		return false
	}
	rel, err := filepath.Rel(root, p)
	if err != nil {
		rel = p
	}
	rel, name := filepath.ToSlash(rel), displayName(p)
	for _, g := range globs {
		for _, candidate := range []string{rel, name} {
			if ok, _ := doublestar.Match(g, candidate); ok {
				return true
			}
		}
	}
	return false
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// displayName is the path as reported: relative to the working directory
// when the user gave an absolute path inside it, slash-separated, cleaned.
func displayName(p string) string {
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil {
				p = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// kindName describes the inputs soc2scan reads, for "unsupported input".
const kindName = "Terraform plan or state JSON, Kubernetes manifests, or JSON/YAML"

// structured reports whether a file should be read as JSON or YAML: its
// name says so, or (for a file the user named) its content starts like a
// JSON object or array.
func structured(name string, data []byte, explicit bool) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml":
		return true
	case ".json":
		return !strings.HasSuffix(name, ".tf.json")
	}
	if !explicit {
		return false
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[')
}

// plan reports whether a JSON object is Terraform's even when its keys were
// reordered (jq -S): then its errors are the plan parser's, which are
// precise.
func plan(data []byte) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(trimmed) > 0 && trimmed[0] == '{' &&
		bytes.Contains(data, []byte(`"format_version"`)) && bytes.Contains(data, []byte(`"terraform_version"`))
}

func loadFile(f file, opts Options) ([]*document.Document, document.Diagnostics) {
	data := f.data
	if data == nil {
		var err error
		data, err = readFile(f.path, f.explicit)
		if err != nil {
			return nil, document.Diagnostics{document.Errorf(document.Location{File: f.name}, "cannot read: %v", err)}
		}
		if data == nil { // not recognised from its name or first bytes; skipped
			return nil, nil
		}
	}
	switch {
	case tfplan.Detect(data) || (structured(f.name, data, f.explicit) && plan(data)):
		return documents(tfplan.Parse(f.name, data))
	case structured(f.name, data, f.explicit):
		return loadStructured(f, data, opts)
	case f.explicit:
		return nil, document.Diagnostics{document.Errorf(document.Location{File: f.name, Line: 1}, "unsupported input: not %s", kindName)}
	}
	return nil, nil
}

// loadStructured reads a JSON or YAML file: its Kubernetes objects form a
// kubernetes document (merged with the other files' by Load), its other
// documents a config document. A file the user mapped to a config type is
// config throughout.
func loadStructured(f file, data []byte, opts Options) ([]*document.Document, document.Diagnostics) {
	if ext := strings.ToLower(path.Ext(f.name)); ext != ".yaml" && ext != ".yml" {
		// JSON is read by the YAML parser, for its positions, but judged by
		// the JSON grammar: YAML would accept what JSON tools reject.
		var raw json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			loc := document.Location{File: f.name, Line: 1}
			var syntax *json.SyntaxError
			if errors.As(err, &syntax) {
				loc.Line, loc.Column = document.LineColumn(data, max(0, syntax.Offset-1))
			}
			return nil, document.Diagnostics{{Severity: document.Error, Location: loc, Summary: "invalid JSON", Detail: err.Error()}}
		}
	}
	docs, err := yamlvalue.Decode(data)
	var diags document.Diagnostics
	if err != nil {
		if !f.explicit && bytes.Contains(data, []byte("{{")) {
			// A Helm chart's templates are not manifests until rendered;
			// a walk over a repository skips them.
			return nil, nil
		}
		diags = append(diags, syntaxDiagnostic(f.name, err))
	}
	mapped, isMapped := config.MappedType(opts.ConfigTypes, f.name, f.rel)
	var kubeRes []document.Resource
	var rest []*yamlvalue.Document
	for i := range docs {
		d := &docs[i]
		if !isMapped && kube.IsManifest(d.Value) {
			rs, ds := kube.Objects(f.name, d)
			kubeRes = append(kubeRes, rs...)
			diags = append(diags, ds...)
			continue
		}
		rest = append(rest, d)
	}
	var out []*document.Document
	if len(kubeRes) > 0 {
		out = append(out, &document.Document{Kind: document.Kubernetes, Format: kube.Format, Source: f.name, Resources: kubeRes})
	}
	if len(rest) > 0 {
		out = append(out, &document.Document{Kind: document.Config, Format: config.Format, Source: f.name,
			Resources: config.Resources(f.name, rest, len(docs), mapped)})
	}
	return out, diags
}

func syntaxDiagnostic(name string, err error) document.Diagnostic {
	loc := document.Location{File: name}
	var ye *yamlvalue.Error
	if errors.As(err, &ye) {
		loc.Line, loc.Column = ye.Line, ye.Column
		return document.Diagnostic{Severity: document.Error, Location: loc, Summary: "invalid JSON or YAML", Detail: ye.Msg}
	}
	return document.Errorf(loc, "invalid JSON or YAML: %v", err)
}

// documents wraps a parser's single document, if any, as a list.
func documents(doc *document.Document, diags document.Diagnostics) ([]*document.Document, document.Diagnostics) {
	if doc == nil {
		return nil, diags
	}
	return []*document.Document{doc}, diags
}

// readFile reads a file. A file found by walking a directory is read only
// when its name or first bytes match a format, so large unrelated files cost
// little; it returns nil data for a file that matches none.
func readFile(name string, explicit bool) ([]byte, error) {
	fh, err := os.Open(name)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is %d bytes; the limit is %d", info.Size(), MaxFileSize)
	}
	if !explicit {
		head := make([]byte, 512)
		n, err := io.ReadFull(fh, head)
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if !tfplan.Detect(head[:n]) && !structured(name, head[:n], false) {
			return nil, nil
		}
		if _, err := fh.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
	}
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	return data, nil
}
