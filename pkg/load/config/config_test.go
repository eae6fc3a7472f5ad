package config_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/soc2scan/soc2scan/pkg/load/config"
	"github.com/soc2scan/soc2scan/pkg/load/internal/yamlvalue"
)

func decode(t testing.TB, s string) []*yamlvalue.Document {
	t.Helper()
	docs, err := yamlvalue.Decode([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]*yamlvalue.Document, len(docs))
	for i := range docs {
		out[i] = &docs[i]
	}
	return out
}

func TestShape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"identity policy", `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`, config.IAMPolicy},
		{"single statement object", `{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}`, config.IAMPolicy},
		{"bucket policy", `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}]}`, config.S3BucketPolicy},
		{"bucket policy with NotPrincipal", `{"Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::1:root"}, "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}]}`, config.S3BucketPolicy},
		{"trust policy", `{"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}`, config.ResourcePolicy},
		{"kubeconfig", "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\n", config.Kubeconfig},
		{"statement without effect", `{"Statement": [{"Action": "*"}]}`, config.Generic},
		{"empty statement list", `{"Statement": []}`, config.Generic},
		{"package.json", `{"name": "web", "version": "1.0.0"}`, config.Generic},
		{"top-level list", `[1, 2]`, config.Generic},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := config.Shape(decode(t, tc.in)[0].Value); got != tc.want {
				t.Errorf("Shape = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseMapping(t *testing.T) {
	m, err := config.ParseMapping(" app/**/*.yaml = app_config ")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(config.Mapping{Pattern: "app/**/*.yaml", Type: "app_config"}, m); diff != "" {
		t.Error(diff)
	}
	for _, bad := range []string{"app/*.yaml", "=t", "g=", "[a=t"} {
		if _, err := config.ParseMapping(bad); err == nil {
			t.Errorf("ParseMapping(%q) accepted", bad)
		}
	}
}

func TestMappedType(t *testing.T) {
	mappings := []config.Mapping{
		{Pattern: "app/*.yaml", Type: "app_config"},
		{Pattern: "settings.json", Type: "settings"},
		{Pattern: "**/feature-*.{yml,yaml}", Type: "flags"},
	}
	tests := []struct {
		paths []string
		want  string
	}{
		{[]string{"app/web.yaml"}, "app_config"},
		{[]string{"repo/app/web.yaml", "app/web.yaml"}, "app_config"}, // relative to the scanned directory
		{[]string{"repo/app/sub/web.yaml", "app/sub/web.yaml"}, ""},
		{[]string{"deep/in/settings.json"}, "settings"}, // no slash: the base name
		{[]string{"x/y/feature-login.yml"}, "flags"},
		{[]string{"other.yaml"}, ""},
	}
	for _, tc := range tests {
		got, ok := config.MappedType(mappings, tc.paths...)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("MappedType(%v) = %q, %v; want %q", tc.paths, got, ok, tc.want)
		}
	}
}

func TestResources(t *testing.T) {
	docs := decode(t, "# app\nname: web\nlisten:\n  tls: false\n---\n- a\n- b\n")
	rs := config.Resources("app.yaml", docs, len(docs), "")
	type summary struct {
		ID, Type string
		Line     int
		Values   map[string]any
		TLSLine  int
	}
	var got []summary
	for _, r := range rs {
		line, _ := r.Positions.Position([]string{"listen", "tls"})
		got = append(got, summary{r.ID, r.Type, r.Location.Line, r.Values, line})
	}
	want := []summary{
		{"app.yaml#1", config.Generic, 2, map[string]any{"name": "web", "listen": map[string]any{"tls": false}}, 4},
		{"app.yaml#2", config.Generic, 6, map[string]any{"value": []any{"a", "b"}}, 6},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resources (-want +got):\n%s", diff)
	}
	if line, _ := rs[1].Positions.Position([]string{"value", "1"}); line != 7 {
		t.Errorf("line of value.1 = %d, want 7", line)
	}

	one := decode(t, `{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`)
	if r := config.Resources("p.json", one, 1, "")[0]; r.ID != "p.json" || r.Type != config.IAMPolicy {
		t.Errorf("single document: id %q type %q", r.ID, r.Type)
	}
	if r := config.Resources("p.json", one, 1, "mine")[0]; r.Type != "mine" {
		t.Errorf("mapped type %q, want mine", r.Type)
	}
}

func FuzzResources(f *testing.F) {
	for _, s := range []string{
		`{"Statement": [{"Effect": "Allow", "Principal": "*", "Resource": ["arn:aws:s3:::b"]}]}`,
		"kind: Config\nclusters: [{name: a}]\n", "[1, {a: b}]", "a: 1\n---\nb: 2\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := yamlvalue.Decode(data)
		ptrs := make([]*yamlvalue.Document, len(docs))
		for i := range docs {
			ptrs[i] = &docs[i]
		}
		for _, r := range config.Resources("fuzz.yaml", ptrs, len(docs), "") {
			if r.ID == "" || r.Type == "" || r.Values == nil {
				t.Errorf("incomplete resource %+v", r)
			}
			r.Positions.Position([]string{"value", "0", "a"})
		}
	})
}
