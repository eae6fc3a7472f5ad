// Package load turns the files a user names into normalised documents: it
// walks directories, detects each file's format by its content and hands it
// to the loader for that format. One file that cannot be read is reported
// and the others are still loaded.
package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/soc2scan/soc2scan/pkg/document"
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

// file is one file to load, with the name it is reported under and whether
// the user named it (a named file that is not recognised is an error; a
// file found by walking is skipped).
type file struct {
	path     string
	name     string
	data     []byte
	explicit bool
}

// Load reads the inputs and returns their documents in input order, with the
// diagnostics of everything that could not be read.
func Load(ctx context.Context, inputs []Input) ([]*document.Document, document.Diagnostics) {
	var diags document.Diagnostics
	var files []file
	for _, in := range inputs {
		if in.Data != nil {
			files = append(files, file{name: displayName(in.Name), data: in.Data, explicit: true})
			continue
		}
		found, d := expand(in.Path)
		files = append(files, found...)
		diags = append(diags, d...)
	}
	docs := make([][]*document.Document, len(files))
	fileDiags := make([]document.Diagnostics, len(files))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, f := range files {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			docs[i], fileDiags[i] = loadFile(f)
		}()
	}
	wg.Wait()
	var out []*document.Document
	for i := range files {
		out = append(out, docs[i]...)
		diags = append(diags, fileDiags[i]...)
	}
	return out, diags
}

// expand lists the files of a path: itself, or the regular files below a
// directory, hidden directories (.git, .terraform) left out unless named.
func expand(path string) ([]file, document.Diagnostics) {
	name := displayName(path)
	info, err := os.Stat(path)
	if err != nil {
		return nil, document.Diagnostics{document.Errorf(document.Location{File: name}, "cannot read: %v", unwrapPathError(err))}
	}
	if !info.IsDir() {
		return []file{{path: path, name: name, explicit: true}}, nil
	}
	var files []file
	var diags document.Diagnostics
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags = append(diags, document.Errorf(document.Location{File: displayName(p)}, "cannot read: %v", unwrapPathError(err)))
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, file{path: p, name: displayName(p)})
		}
		return nil
	})
	if err != nil {
		diags = append(diags, document.Errorf(document.Location{File: name}, "cannot walk: %v", err))
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	return files, diags
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

// format is a file format soc2scan reads.
type format struct {
	name   string
	detect func(data []byte) bool
	parse  func(name string, data []byte) (*document.Document, document.Diagnostics)
}

var formats = []format{
	{name: "Terraform plan or state JSON", detect: tfplan.Detect, parse: tfplan.Parse},
}

func loadFile(f file) ([]*document.Document, document.Diagnostics) {
	data := f.data
	if data == nil {
		var err error
		data, err = readFile(f.path, f.explicit)
		if err != nil {
			return nil, document.Diagnostics{document.Errorf(document.Location{File: f.name}, "cannot read: %v", err)}
		}
		if data == nil { // not recognised from its first bytes; skipped
			return nil, nil
		}
	}
	for _, fm := range formats {
		if fm.detect(data) {
			return documents(fm.parse(f.name, data))
		}
	}
	if !f.explicit {
		return nil, nil
	}
	if trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(trimmed) > 0 && trimmed[0] == '{' {
		// A JSON object the user named: Terraform JSON whose keys were
		// reordered (jq -S) still parses, and anything else gets the
		// parser's precise complaint.
		return documents(tfplan.Parse(f.name, data))
	}
	names := make([]string, len(formats))
	for i, fm := range formats {
		names[i] = fm.name
	}
	return nil, document.Diagnostics{document.Errorf(document.Location{File: f.name, Line: 1},
		"unsupported input: not %s", strings.Join(names, ", "))}
}

// documents wraps a parser's single document, if any, as a list.
func documents(doc *document.Document, diags document.Diagnostics) ([]*document.Document, document.Diagnostics) {
	if doc == nil {
		return nil, diags
	}
	return []*document.Document{doc}, diags
}

// readFile reads a file. A file found by walking a directory is read only
// when its first bytes match a format, so large unrelated files cost little;
// it returns nil data for a file that matches none.
func readFile(path string, explicit bool) ([]byte, error) {
	fh, err := os.Open(path)
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
		matched := false
		for _, fm := range formats {
			matched = matched || fm.detect(head[:n])
		}
		if !matched {
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
