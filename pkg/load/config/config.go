// Package config loads JSON and YAML files that are neither Terraform nor
// Kubernetes: each document of a file is a resource whose type comes from a
// recognised shape (an IAM policy, an S3 bucket policy, a kubeconfig) or
// from the user's mapping of path globs to types, so rules can be written
// for any application's configuration.
package config

import (
	"fmt"
	"path"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/load/internal/yamlvalue"
)

// Format is the document format of config files.
const Format = "config"

// Types of recognised shapes. A document of no recognised shape and no
// mapping has type Generic.
const (
	IAMPolicy      = "iam_policy"       // identity policy: Statement without Principal
	S3BucketPolicy = "s3_bucket_policy" // resource policy on S3 resources
	ResourcePolicy = "resource_policy"  // any other policy with a Principal (trust, KMS, SNS ...)
	Kubeconfig     = "kubeconfig"
	Generic        = "config"
)

// Mapping gives the files whose path matches Pattern the type Type.
type Mapping struct {
	Pattern string // doublestar glob: *, **, ?, [...], {a,b}
	Type    string
}

// ParseMapping reads a mapping written glob=TYPE, as --config-type takes it.
func ParseMapping(s string) (Mapping, error) {
	pattern, typ, ok := strings.Cut(s, "=")
	pattern, typ = strings.TrimSpace(pattern), strings.TrimSpace(typ)
	if !ok || pattern == "" || typ == "" {
		return Mapping{}, fmt.Errorf("config type %q: want GLOB=TYPE, e.g. 'app/*.yaml=app_config'", s)
	}
	if !doublestar.ValidatePattern(pattern) {
		return Mapping{}, fmt.Errorf("config type %q: %q is not a valid glob", s, pattern)
	}
	return Mapping{Pattern: pattern, Type: typ}, nil
}

// Match reports whether the mapping applies to a file, given by the paths
// it may be known under (as displayed, and relative to the directory that
// was scanned). A pattern without a slash matches the base name too.
func (m Mapping) Match(paths ...string) bool {
	for _, p := range paths {
		if ok, _ := doublestar.Match(m.Pattern, p); ok {
			return true
		}
		if !strings.Contains(m.Pattern, "/") {
			if ok, _ := doublestar.Match(m.Pattern, path.Base(p)); ok {
				return true
			}
		}
	}
	return false
}

// MappedType returns the type the first matching mapping gives a file.
func MappedType(mappings []Mapping, paths ...string) (string, bool) {
	for _, m := range mappings {
		if m.Match(paths...) {
			return m.Type, true
		}
	}
	return "", false
}

// Shape returns the type of a recognised document shape, Generic otherwise.
func Shape(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return Generic
	}
	if kind, _ := m["kind"].(string); kind == "Config" {
		if _, ok := m["clusters"]; ok {
			return Kubeconfig
		}
		if _, ok := m["contexts"]; ok {
			return Kubeconfig
		}
	}
	statements, ok := policyStatements(m)
	if !ok {
		return Generic
	}
	principal, s3 := false, false
	for _, st := range statements {
		_, p := st["Principal"]
		_, np := st["NotPrincipal"]
		principal = principal || p || np
		for _, r := range stringsOf(st["Resource"]) {
			s3 = s3 || strings.HasPrefix(r, "arn:aws:s3:::") || strings.HasPrefix(r, "arn:aws-us-gov:s3:::") || strings.HasPrefix(r, "arn:aws-cn:s3:::")
		}
	}
	switch {
	case principal && s3:
		return S3BucketPolicy
	case principal:
		return ResourcePolicy
	}
	return IAMPolicy
}

// policyStatements returns the statements of an AWS policy document: a
// Statement that is one object or a list of objects, each with an Effect.
func policyStatements(m map[string]any) ([]map[string]any, bool) {
	var list []any
	switch st := m["Statement"].(type) {
	case map[string]any:
		list = []any{st}
	case []any:
		list = st
	default:
		return nil, false
	}
	if len(list) == 0 {
		return nil, false
	}
	out := make([]map[string]any, 0, len(list))
	for _, it := range list {
		st, ok := it.(map[string]any)
		if !ok {
			return nil, false
		}
		if _, ok := st["Effect"].(string); !ok {
			return nil, false
		}
		out = append(out, st)
	}
	return out, true
}

func stringsOf(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, it := range v {
			if s, ok := it.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// Resources returns a resource for each document of a file. The id is the
// file's name, followed by #N (1-based) when the file holds several
// documents; typ, when not empty, is the type the user mapped the file to.
func Resources(source string, docs []*yamlvalue.Document, total int, typ string) []document.Resource {
	out := make([]document.Resource, 0, len(docs))
	for _, d := range docs {
		t := typ
		if t == "" {
			t = Shape(d.Value)
		}
		values, ok := d.Value.(map[string]any)
		if !ok {
			// Rules read values as an object; a top-level list or scalar
			// is kept under "value".
			values = map[string]any{"value": d.Value}
		}
		id := source
		if total > 1 {
			id = fmt.Sprintf("%s#%d", source, d.Index+1)
		}
		out = append(out, document.Resource{
			ID:        id,
			Type:      t,
			Mode:      document.Managed,
			Values:    values,
			Location:  document.Location{File: source, Line: d.Line, Column: d.Column},
			Positions: positions{d, ok},
		})
	}
	return out
}

// positions places paths of a document whose value was wrapped under
// "value" where the wrapper is not in the file.
type positions struct {
	doc    *yamlvalue.Document
	object bool
}

func (p positions) Position(path []string) (int, int) {
	if !p.object && len(path) > 0 && path[0] == "value" {
		path = path[1:]
	}
	return p.doc.Position(path)
}
