package kube_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/internal/golden"
	"github.com/soc2scan/soc2scan/pkg/document"
	"github.com/soc2scan/soc2scan/pkg/load/internal/yamlvalue"
	"github.com/soc2scan/soc2scan/pkg/load/kube"
)

// parse loads one file the way pkg/load does: every manifest of the stream,
// other documents ignored.
func parse(name string, data []byte) ([]document.Resource, document.Diagnostics) {
	docs, err := yamlvalue.Decode(data)
	var diags document.Diagnostics
	if err != nil {
		diags = append(diags, document.Errorf(document.Location{File: name}, "%v", err))
	}
	var out []document.Resource
	for i := range docs {
		if kube.IsManifest(docs[i].Value) {
			rs, ds := kube.Objects(name, &docs[i])
			out = append(out, rs...)
			diags = append(diags, ds...)
		}
	}
	return out, diags
}

// summary prints what a rule sees of each resource: id, type, location,
// and the line of its first container's image, found through Positions.
func summary(rs []document.Resource, diags document.Diagnostics) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "%s  type=%s  at=%s:%d:%d", r.ID, r.Type, r.Location.File, r.Location.Line, r.Location.Column)
		for _, p := range [][]string{
			{"spec", "containers", "0", "image"},
			{"spec", "template", "spec", "containers", "0", "image"},
			{"spec", "jobTemplate", "spec", "template", "spec", "containers", "0", "image"},
		} {
			if v := lookup(r.Values, p); v != nil {
				line, col := r.Positions.Position(p)
				fmt.Fprintf(&b, "  image=%v@%d:%d", v, line, col)
			}
		}
		b.WriteByte('\n')
	}
	for _, d := range diags {
		fmt.Fprintf(&b, "diagnostic: %s\n", d.Error())
	}
	return b.String()
}

func lookup(v any, path []string) any {
	for _, p := range path {
		switch x := v.(type) {
		case map[string]any:
			v = x[p]
		case []any:
			var i int
			if _, err := fmt.Sscan(p, &i); err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func TestObjectsGolden(t *testing.T) {
	for _, name := range []string{"multi.yaml", "list.json", "helm.yaml", "crlf.yaml", "bad.yaml"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			got := summary(parse(name, data))
			golden.Check(t, filepath.Join("testdata", strings.TrimSuffix(name, filepath.Ext(name))+".golden"), got)
		})
	}
}

func TestIsManifest(t *testing.T) {
	tests := []struct {
		v    any
		want bool
	}{
		{map[string]any{"apiVersion": "v1", "kind": "Pod"}, true},
		{map[string]any{"apiVersion": "v1", "kind": "Config", "clusters": []any{}}, false},
		{map[string]any{"apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization"}, false},
		{map[string]any{"apiVersion": "v2", "name": "chart"}, false}, // Chart.yaml
		{map[string]any{"apiVersion": 1, "kind": "Pod"}, false},
		{[]any{"a"}, false},
		{"text", false},
	}
	for _, tc := range tests {
		if got := kube.IsManifest(tc.v); got != tc.want {
			t.Errorf("IsManifest(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestMergeKeepsDuplicatesApart(t *testing.T) {
	res := func(id, file string, line int) document.Resource {
		return document.Resource{ID: id, Location: document.Location{File: file, Line: line}}
	}
	docs := []*document.Document{
		{Source: "base/app.yaml", Resources: []document.Resource{res("Deployment/default/api", "base/app.yaml", 1), res("Service/default/api", "base/app.yaml", 20)}},
		{Source: "prod/app.yaml", Resources: []document.Resource{
			res("Deployment/default/api", "prod/app.yaml", 1), res("Deployment/default/api", "prod/app.yaml", 30),
			res("Namespace/prod", "prod/app.yaml", 50),
		}},
	}
	got := kube.Merge(docs)
	var ids []string
	for _, r := range got.Resources {
		ids = append(ids, r.ID)
	}
	want := []string{
		"Deployment/default/api@base/app.yaml", "Service/default/api",
		"Deployment/default/api@prod/app.yaml:1", "Deployment/default/api@prod/app.yaml:30", "Namespace/prod",
	}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"base/app.yaml", "prod/app.yaml"}, got.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if got.Kind != document.Kubernetes || got.Source != "base/app.yaml" {
		t.Errorf("document %s from %s", got.Kind, got.Source)
	}
}

func FuzzObjects(f *testing.F) {
	for _, name := range []string{"multi.yaml", "list.json", "helm.yaml", "bad.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: X, metadata: {name: 1}}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, _ := parse("fuzz.yaml", data)
		for _, r := range rs {
			if r.ID == "" || r.Type == "" {
				t.Errorf("resource without id or type: %+v", r)
			}
			r.Positions.Position([]string{"spec", "template"})
		}
		kube.Merge([]*document.Document{{Source: "fuzz.yaml", Resources: rs}})
	})
}
