// Package configfile reads a project's .soc2scan.yaml: the categories in
// scope, the severity that fails the build, extra rule directories, paths
// to leave out, config types, disabled rules and waivers. Command-line
// flags override it. Unknown keys are errors naming the key and its line,
// so a misspelt setting never goes silently unused.
package configfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/waiver"
)

// Name is the file name looked for in the scanned directory and its parents.
const Name = ".soc2scan.yaml"

// File is a loaded .soc2scan.yaml.
type File struct {
	Path          string
	Categories    []string
	FailOn        string
	Policies      []string // resolved against the file's directory
	Exclude       []string // path globs
	ConfigTypes   []string // GLOB=TYPE
	DisabledRules []string
	Waivers       []*waiver.Waiver
}

type raw struct {
	Categories    []string    `yaml:"categories"`
	FailOn        string      `yaml:"fail_on"`
	Policies      []string    `yaml:"policies"`
	Exclude       []string    `yaml:"exclude"`
	ConfigTypes   []string    `yaml:"config_types"`
	DisabledRules []string    `yaml:"disabled_rules"`
	Waivers       []yaml.Node `yaml:"waivers"`
}

type rawWaiver struct {
	Rule     string `yaml:"rule"`
	Resource string `yaml:"resource"`
	Source   string `yaml:"source"`
	Reason   string `yaml:"reason"`
	Owner    string `yaml:"owner"`
	Expires  string `yaml:"expires"`
}

// Find returns the .soc2scan.yaml of the directory start (or of the
// directory of a file), or of its nearest parent that has one.
func Find(start string) (string, bool) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", false
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		p := filepath.Join(dir, Name)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

var fieldRE = regexp.MustCompile(`line (\d+): field (\S+) not found`)

// Load reads and checks a config file. Errors name the file and line.
func Load(name string) (*File, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	display := name
	if filepath.IsAbs(name) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, name); err == nil {
				display = rel
			}
		}
	}
	display = filepath.ToSlash(display)
	fail := func(line int, format string, args ...any) error {
		return document.Errorf(document.Location{File: display, Line: line}, format, args...)
	}
	var r raw
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil && !errors.Is(err, io.EOF) {
		if m := fieldRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, fail(line, "unknown key %q (known: categories, fail_on, policies, exclude, config_types, disabled_rules, waivers)", m[2])
		}
		return nil, fail(0, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	f := &File{Path: display, Categories: r.Categories, FailOn: r.FailOn, Exclude: r.Exclude,
		ConfigTypes: r.ConfigTypes, DisabledRules: r.DisabledRules}
	dir := filepath.Dir(name)
	for _, p := range r.Policies {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		f.Policies = append(f.Policies, p)
	}
	known := map[string]bool{"rule": true, "resource": true, "source": true, "reason": true, "owner": true, "expires": true}
	for _, n := range r.Waivers {
		if n.Kind != yaml.MappingNode {
			return nil, fail(n.Line, "a waiver is a mapping of rule, resource, source, reason, owner, expires")
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !known[k.Value] {
				return nil, fail(k.Line, "unknown waiver key %q (known: rule, resource, source, reason, owner, expires)", k.Value)
			}
		}
		var w rawWaiver
		if err := n.Decode(&w); err != nil {
			return nil, fail(n.Line, "waiver: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		}
		switch {
		case w.Rule == "":
			return nil, fail(n.Line, "waiver needs a rule (an id or a glob such as AWS-S3-*)")
		case strings.TrimSpace(w.Reason) == "":
			return nil, fail(n.Line, "waiver for %s needs a reason: auditors ask why", w.Rule)
		case w.Expires == "":
			return nil, fail(n.Line, "waiver for %s needs an expiry date (expires: YYYY-MM-DD): exceptions are reviewed", w.Rule)
		}
		exp, err := time.Parse(waiver.DateLayout, w.Expires)
		if err != nil {
			return nil, fail(n.Line, "waiver for %s: expires %q is not a date (YYYY-MM-DD)", w.Rule, w.Expires)
		}
		f.Waivers = append(f.Waivers, &waiver.Waiver{Rule: w.Rule, Resource: w.Resource, Source: w.Source,
			Reason: strings.TrimSpace(w.Reason), Owner: w.Owner, Expires: exp, Origin: document.Location{File: display, Line: n.Line}})
	}
	for _, ct := range f.ConfigTypes {
		if !strings.Contains(ct, "=") {
			return nil, fail(0, "config_types entry %q: want GLOB=TYPE", ct)
		}
	}
	return f, nil
}

// String names the file, for messages.
func (f *File) String() string {
	return fmt.Sprintf("config file %s", f.Path)
}
