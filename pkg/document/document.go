// Package document defines the normalised document that every loader
// produces and every rule reads: resources with their values, unknown
// values, references and source locations, whatever format they came from.
package document

import (
	"fmt"
	"sort"
	"strings"
)

// Kind is the family of input a document came from.
type Kind string

// Document kinds.
const (
	Terraform  Kind = "terraform"
	Kubernetes Kind = "kubernetes"
	Config     Kind = "config"
)

// Mode distinguishes managed resources from data sources.
type Mode string

// Resource modes.
const (
	Managed Mode = "managed"
	Data    Mode = "data"
)

// Document is one unit that rules evaluate: a Terraform plan, a module, a set
// of Kubernetes manifests or a config file.
type Document struct {
	Kind   Kind   // terraform, kubernetes or config
	Format string // the concrete format, e.g. "tfplan" or "tfstate"
	Source string // path as the user gave it, slash-separated
	// Files lists the files the document was read from when they are more
	// than Source: all the manifests of a scan form one Kubernetes
	// document.
	Files []string
	// Focus, when set, limits what is reported to the resources defined in
	// these files: a Terraform module evaluated whole, for context, because
	// one of its files was named.
	Focus []string

	Resources []Resource
}

// Resource is one addressable object of a document.
type Resource struct {
	// ID is the Terraform address (module.a.aws_s3_bucket.b["k"]), the
	// Kubernetes Kind/namespace/name, or a JSON pointer in a config file.
	ID       string
	Type     string // Terraform type, Kubernetes kind or config type
	Provider string // e.g. "aws"; empty where it does not apply
	Mode     Mode   // managed or data
	// Action is the planned change ("create", "update", "replace",
	// "no-op", "read"); empty where the input is not a plan.
	Action string

	// Values holds the attributes, decoded from JSON: nested blocks are
	// lists of objects, as in a Terraform plan.
	Values map[string]any
	// Unknown mirrors the structure of Values with true at every path
	// whose value is only known after apply.
	Unknown map[string]any
	// Refs maps an attribute path (dotted, without list indices, such as
	// "rule.apply_server_side_encryption_by_default.kms_master_key_id") to
	// the IDs of the resources the attribute refers to.
	Refs map[string][]string

	Location Location
	// Via is the chain of module calls that lead to a resource defined in
	// a module, outermost first ("via main.tf:10").
	Via []Location
	// Positions, when the loader knows them, places an attribute path of
	// Values in the source, so a finding can name the offending line.
	Positions Positions
}

// Reports reports whether findings about r are reported: the document has
// no focus, or r is defined in one of the files it focuses on or created
// through a module call written in one of them (a changed module input
// changes the resources of the module).
func (d *Document) Reports(r *Resource) bool {
	if len(d.Focus) == 0 {
		return true
	}
	for _, f := range d.Focus {
		if r.Location.File == f {
			return true
		}
		for _, v := range r.Via {
			if v.File == f {
				return true
			}
		}
	}
	return false
}

// Positions maps a path into a resource's Values (map keys and decimal list
// indices) to the line and column where the value is written.
type Positions interface {
	Position(path []string) (line, column int)
}

// Location is a position in a source file. Line and Column are 1-based; zero
// means unknown.
type Location struct {
	File   string
	Line   int
	Column int
}

// String formats the location as file:line, or file alone when the line is
// unknown.
func (l Location) String() string {
	if l.Line == 0 {
		return l.File
	}
	return fmt.Sprintf("%s:%d", l.File, l.Line)
}

// Severity of a diagnostic.
type Severity string

// Diagnostic severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Diagnostic reports a problem with an input: what cannot be read (Error) or
// what was read only partly (Warning).
type Diagnostic struct {
	Severity Severity
	Location Location // File is always set; Line and Column where known
	Summary  string   // one line: what is wrong
	Detail   string   // optional: why, or what to do
}

// Error formats the diagnostic as file:line:column: summary: detail.
func (d Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.Location.File)
	if d.Location.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Location.Line)
		if d.Location.Column > 0 {
			fmt.Fprintf(&b, ":%d", d.Location.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(d.Summary)
	if d.Detail != "" {
		b.WriteString(": ")
		b.WriteString(d.Detail)
	}
	return b.String()
}

// Diagnostics is a list of diagnostics, errors and warnings mixed.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errorf returns an error diagnostic at the given position.
func Errorf(loc Location, format string, args ...any) Diagnostic {
	return Diagnostic{Severity: Error, Location: loc, Summary: fmt.Sprintf(format, args...)}
}

// Sort orders diagnostics by file, line, column and summary.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Location, ds[j].Location
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return ds[i].Summary < ds[j].Summary
	})
}

// LineColumn converts a byte offset in data to a 1-based line and column.
// Offsets past the end point just after the last byte.
func LineColumn(data []byte, offset int64) (line, column int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	line, column = 1, 1
	for _, c := range data[:offset] {
		if c == '\n' {
			line++
			column = 1
		} else {
			column++
		}
	}
	return line, column
}
